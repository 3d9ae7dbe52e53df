package com.gemmavision.documents;

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
        List<String> failed) {

    public static final String TEXT_LAYER = "text layer";
    public static final String OCR = "OCR";
    public static final String EMBEDDED_XML = "embedded XML";
    public static final String CORRECTED = "corrected";

    public ExtractedField {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
        confidence = Math.max(0, Math.min(1, confidence));
    }

    /** A field read from text, before any check. */
    public ExtractedField(String name, String value, Integer pageNumber, String snippet, double confidence) {
        this(name, value, pageNumber, snippet, confidence, null, List.of(), List.of());
    }

    ExtractedField withConfidence(double newConfidence) {
        return new ExtractedField(name, value, pageNumber, snippet, newConfidence, source, passed, failed);
    }

    ExtractedField withSource(String newSource) {
        return new ExtractedField(name, value, pageNumber, snippet, confidence, newSource, passed, failed);
    }

    /** The field with a check it passed, more confident by {@code gain} towards 1. */
    ExtractedField pass(String check, double gain) {
        List<String> more = new ArrayList<>(passed);
        more.add(check);
        return new ExtractedField(
                name, value, pageNumber, snippet, confidence + (1 - confidence) * gain, source, more, failed);
    }

    /** The field with a check it failed, less confident by {@code loss}. */
    ExtractedField fail(String check, double loss) {
        List<String> more = new ArrayList<>(failed);
        more.add(check);
        return new ExtractedField(name, value, pageNumber, snippet, confidence - loss, source, passed, more);
    }
}
