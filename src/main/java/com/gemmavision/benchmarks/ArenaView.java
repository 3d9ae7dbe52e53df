package com.gemmavision.benchmarks;

import java.util.List;

/** Table 5 for display: entries (all, or open-weights only), the rank after which the report elides, the chart. */
public record ArenaView(List<ArenaEntry> entries, boolean openOnly, int elidedAfterRank, String chartSvg) {}
