package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfidenceModelTest {

    /** Totals that passed net + tax = total are right 19 times in 20; those that failed it, 1 in 4. */
    private static List<ConfidenceModel.Example> examples() {
        List<ConfidenceModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new ConfidenceModel.Example(
                    FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check+SUMS")), i != 0));
        }
        for (int i = 0; i < 20; i++) {
            examples.add(new ConfidenceModel.Example(
                    FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check-SUMS")), i % 4 == 0));
        }
        return examples;
    }

    @Test
    void learnsWhatEvidenceIsWorthFromLabelledExamples() {
        ConfidenceModel model = ConfidenceModel.train(examples());
        double passed = model.probability(FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check+SUMS")));
        double failed = model.probability(FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check-SUMS")));
        assertThat(passed).isBetween(0.8, 0.99);
        assertThat(failed).isBetween(0.15, 0.45);
        assertThat(model.weights().get("check+SUMS"))
                .isGreaterThan(model.weights().get("check-SUMS"));
    }

    @Test
    void aFeatureNeverSeenInTrainingCountsForNothing() {
        ConfidenceModel model = ConfidenceModel.train(examples());
        FieldFeatures known = FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check+SUMS"));
        FieldFeatures unknown = FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check+SUMS", "check+NEW_KIND"));
        assertThat(model.probability(unknown)).isEqualTo(model.probability(known));
    }

    @Test
    void theWrittenFileReadsBackToTheSameProbabilities() throws IOException {
        ConfidenceModel model = ConfidenceModel.train(examples());
        String text = model.write("test model\ntwo lines");
        assertThat(text).startsWith("# test model\n# two lines\n");
        ConfidenceModel read = ConfidenceModel.read(new StringReader(text));
        FieldFeatures features = FieldFeatures.of("totalAmount", "OCR", 0.8, List.of("check-SUMS"));
        assertThat(read.probability(features))
                .isCloseTo(model.probability(features), org.assertj.core.data.Offset.offset(1e-9));
        // training is deterministic: the same examples write the same file
        assertThat(ConfidenceModel.train(examples()).write("test model\ntwo lines"))
                .isEqualTo(text);
    }

    @Test
    void theCommittedModelLoadsAndKnowsTheLabelledFields() {
        ConfidenceModel bundled = ConfidenceModel.bundled();
        assertThat(bundled.weights()).containsKeys("field:totalAmount", "source:ocr", "rules-estimate");
        double p = bundled.probability(FieldFeatures.of("totalAmount", "OCR", 0.85, List.of("check+SUMS")));
        assertThat(p).isBetween(0.0, 1.0);
    }

    @Test
    void aFileWithoutTheModelPartIsRefused() {
        assertThatThrownBy(() -> ConfidenceModel.read(new StringReader("field:x\nfield:y\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a confidence model file");
    }

    @Test
    void numbersInEvidenceAreFeatureValuesAndTheRulesEstimateIsALogOdds() {
        FieldFeatures features =
                FieldFeatures.of("iban", "text layer", 0.5, List.of("ocr-word-confidence=0.42", "check+IBAN"));
        assertThat(features.values())
                .containsEntry("field:iban", 1.0)
                .containsEntry("source:text-layer", 1.0)
                .containsEntry("ocr-word-confidence", 0.42)
                .containsEntry("check+IBAN", 1.0)
                .containsEntry("rules-estimate", 0.0);
    }
}
