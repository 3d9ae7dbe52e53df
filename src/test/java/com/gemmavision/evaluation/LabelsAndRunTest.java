package com.gemmavision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelsAndRunTest {

    @Test
    void labelsAreReadByFileWithAmountsAsDecimalsAndUnknownFieldsLeftOut() {
        Map<String, Map<String, Object>> labels = Labels.parse("""
                {"file":"a.pdf","kind":"invoice","fields":{"totalAmount":357.00,"currency":"EUR","colour":"red"}}

                {"file":"b.png","fields":{"invoiceNumber":"R-1","taxAmount":null}}
                """);

        assertThat(labels).containsOnlyKeys("a.pdf", "b.png");
        assertThat(labels.get("a.pdf")).containsEntry("currency", "EUR").doesNotContainKey("colour");
        assertThat((BigDecimal) labels.get("a.pdf").get("totalAmount")).isEqualByComparingTo("357");
        assertThat(labels.get("b.png")).containsOnlyKeys("invoiceNumber");
    }

    @Test
    void aBadLabelsFileIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> Labels.parse("{\"file\":\"a\",\"fields\":{}}\n[1,2]"))
                .hasMessage("Line 2 of labels.jsonl needs a \"file\" and an object of \"fields\".");
        assertThatThrownBy(() -> Labels.parse("{\"file\":\"a\",\"fields\":{\"totalAmount\":\"=1+1\"}}"))
                .hasMessage("Line 1: totalAmount must be a number.");
        assertThatThrownBy(
                        () -> Labels.parse("{\"file\":\"a\",\"fields\":{\"sellerName\":\"" + "x".repeat(501) + "\"}}"))
                .hasMessageContaining("at most 500 characters");
        assertThatThrownBy(() -> Labels.parse("\n".repeat(10_000))).hasMessageContaining("at most 10000 are read");
        // nesting deep enough to hurt a naive parser is still only "not JSON" here
        assertThatThrownBy(() -> Labels.parse("[".repeat(5_000))).hasMessage("Line 1 of labels.jsonl is not JSON.");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(Evaluations.percentile(sorted, 50)).isEqualTo(5.0);
        assertThat(Evaluations.percentile(sorted, 95)).isEqualTo(10.0);
        assertThat(Evaluations.percentile(List.of(2.5), 95)).isEqualTo(2.5);
        assertThat(Evaluations.percentile(List.of(), 50)).isNull();
    }

    @Test
    void documentsPerHourAndCostAreDerivedFromTheWallClockAndThePrice() {
        EvaluationRun run = new EvaluationRun(
                1,
                "b",
                Instant.EPOCH,
                "e",
                "m",
                "vllm",
                "Gemma3-4B-IT",
                "bf16",
                5,
                1,
                2,
                8.0,
                1.0,
                3.0,
                4000L,
                200L,
                new BigDecimal("0.80"),
                "EUR",
                null,
                0,
                null,
                List.of(new EvaluationRun.FieldScore("totalAmount", 3, 1, 1, 5, 0, 0)));

        assertThat(run.documentsPerHour()).isEqualTo(4 * 3600.0 / 8.0);
        assertThat(run.costPer1000()).isEqualByComparingTo("0.4444");
        assertThat(run.modelAccuracy()).isEqualTo(60.0);
        assertThat(run.rulesAccuracy()).isEqualTo(100.0);
        assertThat(run.promptTokensPerDocument()).isEqualTo(1000.0);
    }
}
