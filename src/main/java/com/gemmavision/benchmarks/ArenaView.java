package com.gemmavision.benchmarks;

import java.util.List;

import com.gemmavision.catalog.ReportFacts;

/** Table 5 for display: entries (all, or open-weights only), the rank after which the report elides, the chart. */
public record ArenaView(List<ArenaEntry> entries, boolean openOnly, ReportFacts facts, String chartSvg) {

    /** Entries after this rank are a selection: the report elides some ("..."). */
    public int elidedAfterRank() {
        return facts.arenaListedThroughRank();
    }
}
