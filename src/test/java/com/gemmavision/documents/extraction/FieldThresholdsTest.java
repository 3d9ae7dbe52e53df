package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;

/** Issue 28.3: each field is stated from its own threshold, the lowest keeping its wrong values within a share. */
class FieldThresholdsTest {

    private static List<FieldThresholds.Outcome> outcomes(String field, double[] right, double[] wrong) {
        List<FieldThresholds.Outcome> all = new ArrayList<>();
        for (double p : right) {
            all.add(new FieldThresholds.Outcome(field, p, true));
        }
        for (double p : wrong) {
            all.add(new FieldThresholds.Outcome(field, p, false));
        }
        return all;
    }

    @Test
    void eachFieldGetsTheLowestThresholdThatKeepsItsWrongValuesWithinTheShare() {
        List<FieldThresholds.Outcome> all = new ArrayList<>();
        // totalAmount: 50 labelled, wrong values at 0.95, 0.88 and 0.61: 2% of 50 allows one
        all.addAll(outcomes("totalAmount", new double[] {0.99, 0.97, 0.9, 0.8, 0.7}, new double[] {0.95, 0.88, 0.61}));
        // invoiceNumber: no wrong value at all, so the lowest threshold
        all.addAll(outcomes("invoiceNumber", new double[] {0.99, 0.6, 0.55}, new double[] {}));
        // sellerName: a wrong value above every right one, with 10 labelled (none allowed): stated only when certain
        all.addAll(outcomes("sellerName", new double[] {0.9}, new double[] {0.999}));

        FieldThresholds chosen = FieldThresholds.choose(
                all, Map.of("totalAmount", 50, "invoiceNumber", 10, "sellerName", 10), 0.02, 0.7);

        assertThat(chosen.of("totalAmount")).isEqualTo(0.89);
        assertThat(chosen.of("invoiceNumber")).isEqualTo(FieldThresholds.LOWEST);
        assertThat(chosen.of("sellerName")).isEqualTo(1.0);
        assertThat(chosen.of("iban"))
                .as("a field never seen keeps the fallback")
                .isEqualTo(0.7);
    }

    @Test
    void byOriginPoolsThePageFieldsAndKeepsXmlApart() {
        List<FieldThresholds.Outcome> all = List.of(
                new FieldThresholds.Outcome("totalAmount", ExtractedField.OCR, 0.97, true),
                new FieldThresholds.Outcome("sellerName", ExtractedField.OCR, 0.93, false),
                new FieldThresholds.Outcome("issueDate", ExtractedField.TEXT_LAYER, 0.8, true),
                new FieldThresholds.Outcome("totalAmount", ExtractedField.EMBEDDED_XML, 0.55, true),
                new FieldThresholds.Outcome("iban", ExtractedField.EMBEDDED_XML, 0.6, true));

        FieldThresholds chosen = FieldThresholds.chooseByOrigin(
                all, Map.of(FieldThresholds.FROM_PAGE, 40, FieldThresholds.FROM_XML, 2), 0.02, 0.7);

        // pages: 2% of 40 allows no wrong value, and the wrong seller sits at 0.93
        assertThat(chosen.of("totalAmount", ExtractedField.OCR)).isEqualTo(0.94);
        assertThat(chosen.of("issueDate", ExtractedField.TEXT_LAYER)).isEqualTo(0.94);
        // XML: nothing wrong, so the lowest threshold
        assertThat(chosen.of("totalAmount", ExtractedField.EMBEDDED_XML)).isEqualTo(FieldThresholds.LOWEST);
        assertThat(FieldThresholds.origin(ExtractedField.CORRECTED)).isEqualTo(FieldThresholds.FROM_PAGE);
    }

    @Test
    void theFileRoundTripsAndRefusesWhatIsNotAThreshold() throws IOException {
        FieldThresholds thresholds = new FieldThresholds(Map.of("totalAmount", 0.89, "sellerName", 0.5), 0.7);
        String text = thresholds.write("chosen by a test");

        FieldThresholds read = FieldThresholds.read(new StringReader(text), 0.7);

        assertThat(text).startsWith("# chosen by a test\n");
        assertThat(read.asMap()).isEqualTo(thresholds.asMap());
        assertThatThrownBy(() -> FieldThresholds.read(new StringReader("totalAmount 0.8"), 0.7))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FieldThresholds.read(new StringReader("totalAmount=7"), 0.7))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theExtractorStatesEachFieldFromItsOwnThreshold() {
        List<PageText> pages = List.of(new PageText(
                1,
                PageText.TextSource.TEXT_LAYER,
                "INVOICE\nInvoice number: INV-2024-0042\nDate: 12/03/2024\nNet: 100.00\nVAT 18%: 18.00\nTotal: 118.00 EUR",
                null,
                null,
                null));
        FieldExtractor.Reading everything =
                new FieldExtractor(ConfidenceModel.bundled(), FieldThresholds.single(0.0)).read(pages, null);
        String someField = everything.stated().keySet().stream()
                .filter(f -> !f.equals("documentType"))
                .findFirst()
                .orElseThrow();

        FieldExtractor.Reading withheld = new FieldExtractor(
                        ConfidenceModel.bundled(), new FieldThresholds(Map.of(someField, FieldThresholds.NEVER), 0.0))
                .read(pages, null);

        assertThat(withheld.stated()).doesNotContainKey(someField);
        assertThat(withheld.unsure()).containsKey(someField);
        assertThat(withheld.stated().size()).isEqualTo(everything.stated().size() - 1);
    }
}
