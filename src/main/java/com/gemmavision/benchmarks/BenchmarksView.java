package com.gemmavision.benchmarks;

import java.util.List;

/** The "Performance Benchmarks" section for a selection; absent parts are null. */
public record BenchmarksView(
        ArenaView arena,
        AbilityRadar.RadarView radar,
        List<TableView> tables,
        ModelComparison.Comparison comparison,
        List<String> comparableModels) {

    public boolean nothingSelected() {
        return arena == null && radar == null && tables.isEmpty();
    }
}
