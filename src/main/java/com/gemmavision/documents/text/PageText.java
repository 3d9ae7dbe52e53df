package com.gemmavision.documents.text;

import java.util.ArrayList;
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

    /** Lines of one page the rules read; a dense A4 page has about 80, a long receipt a few hundred. */
    public static final int MAX_RULE_LINES = 1_000;

    /** Characters of one line the rules read; real invoice lines are under 200. */
    public static final int MAX_RULE_LINE = 500;

    /** Characters of one word the rules read; the longest identifiers (IBAN, e-mail, URL) fit. */
    public static final int MAX_RULE_WORD = 64;

    /**
     * The page's lines as the field, table and transaction rules read them, bounded before any regular expression
     * sees them: at most {@value #MAX_RULE_LINES} lines, each cut to {@value #MAX_RULE_LINE} characters with every
     * word cut to {@value #MAX_RULE_WORD}. Line numbers stay those of the text, so OCR's word confidences still
     * line up. The stored text is untouched. Linear in the text's length, with no pattern of its own.
     */
    public List<String> ruleLines() {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int word = 0;
        for (int i = 0; i < text.length() && lines.size() < MAX_RULE_LINES; i++) {
            char c = text.charAt(i);
            if (c == '\n'
                    || c == '\r'
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u0085'
                    || c == '\u000B'
                    || c == '\f') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(line.toString());
                line.setLength(0);
                word = 0;
                continue;
            }
            word = Character.isWhitespace(c) ? 0 : word + 1;
            if (word <= MAX_RULE_WORD && line.length() < MAX_RULE_LINE) {
                line.append(c);
            }
        }
        if (lines.size() < MAX_RULE_LINES && !line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
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
