package com.gemmavision.catalog;

/** A report table's short title (for menus and headings) and its caption, shortened from the report. */
public record ReportTableCaption(int number, String title, String caption) {

    /** "Table 6: IT models, zero-shot benchmarks". */
    public String heading() {
        return "Table " + number + ": " + title;
    }
}
