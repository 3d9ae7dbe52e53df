package com.gemmavision.documents.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * A key field with its evidence: where it was read (the page and line, and the source: text layer, OCR,
 * embedded XML, or a person's correction), the checks it passed and failed, and a confidence (0 to 1). A
 * failed check lowers the confidence and is shown; it never changes the value.
 */
public record ExtractedField(
        String name,
        String value,
        Integer pageNumber,
        String snippet,
        double confidence,
        String source,
        List<String> passed,
        List<String> failed,
        List<String> evidence) {

    public static final String TEXT_LAYER = "text layer";
    public static final String OCR = "OCR";
    public static final String EMBEDDED_XML = "embedded XML";
    public static final String CORRECTED = "corrected";

    public ExtractedField {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
        evidence = List.copyOf(evidence);
        confidence = Math.max(0, Math.min(1, confidence));
    }

    /** A field as stored: its evidence features are not kept once its confidence is set. */
    public ExtractedField(
            String name,
            String value,
            Integer pageNumber,
            String snippet,
            double confidence,
            String source,
            List<String> passed,
            List<String> failed) {
        this(name, value, pageNumber, snippet, confidence, source, passed, failed, List.of());
    }

    /** A field read from text, before any check. */
    public ExtractedField(String name, String value, Integer pageNumber, String snippet, double confidence) {
        this(name, value, pageNumber, snippet, confidence, null, List.of(), List.of());
    }

    ExtractedField withConfidence(double newConfidence) {
        return new ExtractedField(name, value, pageNumber, snippet, newConfidence, source, passed, failed, evidence);
    }

    ExtractedField withSource(String newSource) {
        return new ExtractedField(name, value, pageNumber, snippet, confidence, newSource, passed, failed, evidence);
    }

    /** The field with one more piece of evidence for the confidence model (a feature name and its value). */
    ExtractedField withEvidence(String feature) {
        List<String> more = new ArrayList<>(evidence);
        more.add(feature);
        return new ExtractedField(name, value, pageNumber, snippet, confidence, source, passed, failed, more);
    }

    /**
     * The field with a check it passed, more confident by {@code gain} towards 1 in the rules' own estimate; the
     * stated confidence is the learned model's, which reads the check's kind.
     */
    ExtractedField pass(Check kind, String check, double gain) {
        List<String> more = new ArrayList<>(passed);
        more.add(check);
        return new ExtractedField(
                        name,
                        value,
                        pageNumber,
                        snippet,
                        confidence + (1 - confidence) * gain,
                        source,
                        more,
                        failed,
                        evidence)
                .withEvidence(kind.passed());
    }

    /** The field with a check it failed, less confident by {@code loss} in the rules' own estimate. */
    ExtractedField fail(Check kind, String check, double loss) {
        List<String> more = new ArrayList<>(failed);
        more.add(check);
        return new ExtractedField(name, value, pageNumber, snippet, confidence - loss, source, passed, more, evidence)
                .withEvidence(kind.failed());
    }

    /** The kinds of check a field can pass or fail: features of the confidence model. */
    public enum Check {
        XML_AND_PAGE,
        SEEN_ON_PAGE,
        SUMS,
        LINE_ITEMS,
        DATE_ORDER,
        IBAN,
        VAT_FORMAT,
        OCR,
        LOOKALIKE_LETTERS,
        PRINTED_AGAIN,
        CASH_LESS_CHANGE,
        ONLY_MONEY,
        CURRENCIES_AGREE,
        IMPLIED_CURRENCY;

        public String passed() {
            return "check+" + name();
        }

        public String failed() {
            return "check-" + name();
        }
    }
}
