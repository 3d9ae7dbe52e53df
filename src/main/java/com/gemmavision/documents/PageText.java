package com.gemmavision.documents;

import java.util.List;

/**
 * The text of one page and where it came from: the PDF's text layer, or OCR with Tesseract's mean word
 * confidence (0 to 100). Cells of a table row are separated by two or more spaces. The note says why a page has
 * less than it could (no OCR on this server, an image too large to decode safely).
 */
public record PageText(
        int pageNumber,
        TextSource source,
        String text,
        Double ocrConfidence,
        Integer widthPx,
        Integer heightPx,
        String note,
        List<List<Double>> lineConfidences) {

    public PageText {
        lineConfidences = lineConfidences == null ? List.of() : List.copyOf(lineConfidences);
    }

    /** A page with a note and no per-line OCR confidences. */
    public PageText(
            int pageNumber,
            TextSource source,
            String text,
            Double ocrConfidence,
            Integer widthPx,
            Integer heightPx,
            String note) {
        this(pageNumber, source, text, ocrConfidence, widthPx, heightPx, note, List.of());
    }

    /** OCR's confidence (0 to 100) in each word of a line of the text, in order; empty when OCR did not read it. */
    public List<Double> wordConfidences(int line) {
        return line < lineConfidences.size() ? lineConfidences.get(line) : List.of();
    }

    /** A page read without anything to note. */
    public PageText(
            int pageNumber, TextSource source, String text, Double ocrConfidence, Integer widthPx, Integer heightPx) {
        this(pageNumber, source, text, ocrConfidence, widthPx, heightPx, null);
    }

    public enum TextSource {
        TEXT_LAYER("text-layer"),
        OCR("ocr"),
        XML("xml"),
        NONE("none");

        private final String code;

        TextSource(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static TextSource byCode(String code) {
            for (TextSource source : values()) {
                if (source.code.equals(code)) {
                    return source;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }
}
