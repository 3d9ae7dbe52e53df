package com.gemmavision.documents.text;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A page's text layer in reading order, one line per printed line, with a wide horizontal gap between words
 * written as two spaces, so columns of a table stay apart in the text.
 */
public final class LayoutTextStripper extends PDFTextStripper {

    private final List<StringBuilder> lines = new ArrayList<>();
    private StringBuilder line = new StringBuilder();
    private float lastEnd = Float.NaN;
    private float lastWidth = 5;

    public LayoutTextStripper() {
        setSortByPosition(true);
    }

    public String pageText(PDDocument document, int pageNumber) throws IOException {
        lines.clear();
        line = new StringBuilder();
        lastEnd = Float.NaN;
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(document, new StringWriter());
        endLine();
        StringBuilder text = new StringBuilder();
        for (StringBuilder l : lines) {
            text.append(l.toString().stripTrailing()).append('\n');
        }
        return text.toString().strip();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        TextPosition first = positions.get(0);
        TextPosition last = positions.get(positions.size() - 1);
        float charWidth = Math.max(
                1f, (last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj()) / Math.max(1, text.length()));
        if (!Float.isNaN(lastEnd)) {
            float gap = first.getXDirAdj() - lastEnd;
            line.append(gap > 1.6f * Math.max(charWidth, lastWidth) ? "  " : " ");
        }
        line.append(text);
        lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
        lastWidth = charWidth;
    }

    @Override
    protected void writeWordSeparator() {
        // Spacing is decided in writeString from the real gap between words.
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (!line.isEmpty()) {
            lines.add(line);
        }
        line = new StringBuilder();
        lastEnd = Float.NaN;
    }
}
