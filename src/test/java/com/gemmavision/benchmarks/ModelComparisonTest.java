package com.gemmavision.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.ReportFixture;

import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    private final ModelComparison comparison = ReportFixture.comparison();

    @Test
    void comparesEveryBenchmarkBothModelsShareInTheSameTable() {
        ModelComparison.Comparison result = comparison.compare("Gemma3-4B-IT", "Gemma2-27B-IT");

        // Table 6 shares 9 rows (MMMU has no Gemma 2 value), Table 18 all 14; MATH and Global MMLU-Lite are
        // printed in both with the same values and count once.
        assertThat(result.deltas()).hasSize(21);
        assertThat(result.deltas())
                .filteredOn(d -> d.table() == 6 && d.benchmark().equals("MATH"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.a()).isEqualTo("75.6");
                    assertThat(d.b()).isEqualTo("55.6");
                    assertThat(d.differenceText()).isEqualTo("+20.0");
                    assertThat(d.winner()).isPositive();
                    assertThat(d.alsoIn()).containsExactly(18);
                });
        assertThat(result.deltas())
                .filteredOn(d -> d.benchmark().equals("MATH"))
                .hasSize(1);
        assertThat(result.winsA() + result.winsB() + result.ties()).isEqualTo(21);
    }

    @Test
    void countsWinsAndLossesFromThePrintedValues() {
        ModelComparison.Comparison result = comparison.compare("Gemma3-27B", "Gemma2-27B");

        long wins = result.deltas().stream()
                .filter(d -> Double.parseDouble(d.a()) > Double.parseDouble(d.b()))
                .count();
        assertThat(result.winsA()).isEqualTo(wins);
        assertThat(result.deltas()).extracting(ModelComparison.Delta::table).containsOnly(9, 10, 13, 14);
    }

    @Test
    void modelsWithNothingInCommonGiveNoRows() {
        assertThat(comparison.compare("PaliGemma2-2B", "Gemini-2.0-Pro").deltas())
                .isEmpty();
        assertThat(comparison.models())
                .contains("Gemini-1.5-Flash", "PaliGemma2-27B", "Gemma3-27B")
                .doesNotContain("2B (short schedule)", "Gemma3-27B-PT");
    }

    @Test
    void tableFifteensPtNamesAreTheSameCheckpointsAsTheOtherPreTrainingTables() {
        ModelComparison.Comparison result = comparison.compare("Gemma3-27B", "Gemma3-12B");

        assertThat(result.deltas()).extracting(ModelComparison.Delta::table).contains(9, 15);
        assertThat(comparison.models())
                .filteredOn(m -> m.startsWith("Gemma3-4B"))
                .containsExactly("Gemma3-4B", "Gemma3-4B-IT");
    }
}
