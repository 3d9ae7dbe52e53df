package com.gemmavision.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The report's result tables a user can open one by one ({@code table} in the URL) and how their cells are laid
 * out; their captions are data (db/seed/report_tables.csv, {@code Catalog.tableCaption}).
 */
public enum ReportTable {
    T5(5, Layout.ARENA, true),
    T6(6, Layout.WIDE, true),
    T7(7, Layout.RESOLUTION, false),
    T8(8, Layout.PAN_AND_SCAN, false),
    T9(9, Layout.WIDE, false),
    T10(10, Layout.WIDE, false),
    T11(11, Layout.WIDE, false),
    T12(12, Layout.WIDE, false),
    T13(13, Layout.WIDE, false),
    T14(14, Layout.WIDE, false),
    T15(15, Layout.LONG_CONTEXT, false),
    T16(16, Layout.WIDE, true),
    T17(17, Layout.WIDE, true),
    T18(18, Layout.WIDE, true);

    /** How a table's published cells are arranged. */
    public enum Layout {
        ARENA,
        WIDE,
        LONG_CONTEXT,
        RESOLUTION,
        PAN_AND_SCAN
    }

    private final int number;
    private final Layout layout;
    private final boolean instructionTuned;

    ReportTable(int number, Layout layout, boolean instructionTuned) {
        this.number = number;
        this.layout = layout;
        this.instructionTuned = instructionTuned;
    }

    public int number() {
        return number;
    }

    public Layout layout() {
        return layout;
    }

    /** Whether the table reports instruction-tuned models (their evaluation settings are in Table 21). */
    public boolean instructionTuned() {
        return instructionTuned;
    }

    public static Optional<ReportTable> byNumber(int number) {
        return Arrays.stream(values()).filter(t -> t.number == number).findFirst();
    }
}
