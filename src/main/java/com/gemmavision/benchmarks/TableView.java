package com.gemmavision.benchmarks;

import java.util.List;

/**
 * A report table as published: column headers, rows of printed cells (null where the report prints "-"),
 * which columns are the user's selected models, hover texts, notes and the charts that go with it.
 */
public record TableView(
        ReportTable table,
        String rowHeader,
        List<Column> columns,
        List<Row> rows,
        List<String> notes,
        List<Chart> charts) {

    public record Column(String label, String tip, boolean emphasised) {}

    public record Row(String label, String tip, List<String> cells) {}

    /** A chart and whether it shows published values or something derived from them. */
    /**
     * A chart of the table: {@code svg} is the whole chart (what downloads); {@code panels}, when not empty, are
     * the small multiples the page lays out side by side instead.
     */
    public record Chart(String svg, boolean derived, String caption, List<String> panels) {

        public Chart {
            panels = List.copyOf(panels);
        }

        public Chart(String svg, boolean derived, String caption) {
            this(svg, derived, caption, List.of());
        }
    }

    public String id() {
        return "report-table-" + table.number();
    }
}
