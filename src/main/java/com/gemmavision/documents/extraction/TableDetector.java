package com.gemmavision.documents.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.gemmavision.documents.text.PageText;

/**
 * Finds tables in page text: runs of two or more lines that split into three or more cells at wide gaps
 * (two spaces or more), most of them carrying a figure, such as line items with quantities and amounts.
 */
public final class TableDetector {

    private static final Pattern CELL_GAP = Pattern.compile("\\s{2,}");
    private static final Pattern FIGURE = Pattern.compile("\\d");

    public List<ExtractedTable> detect(List<PageText> pages) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (PageText page : pages) {
            List<List<String>> run = new ArrayList<>();
            for (String line : page.ruleLines()) {
                List<String> cells = Arrays.stream(CELL_GAP.split(line.strip()))
                        .filter(c -> !c.isBlank())
                        .toList();
                if (cells.size() >= 3) {
                    run.add(cells);
                } else {
                    finish(run, page.pageNumber(), tables);
                    run = new ArrayList<>();
                }
            }
            finish(run, page.pageNumber(), tables);
        }
        return tables;
    }

    private static void finish(List<List<String>> run, int page, List<ExtractedTable> tables) {
        if (run.size() < 2) {
            return;
        }
        long withFigures = run.stream()
                .filter(r -> r.stream().anyMatch(c -> FIGURE.matcher(c).find()))
                .count();
        if (withFigures * 2 < run.size()) {
            return;
        }
        int width = run.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = run.stream()
                .map(r -> {
                    List<String> padded = new ArrayList<>(r);
                    while (padded.size() < width) {
                        padded.add("");
                    }
                    return List.copyOf(padded);
                })
                .toList();
        tables.add(new ExtractedTable(tables.size(), page, rows));
    }
}
