package com.gemmavision.memory;

import java.util.List;

/** One row of Table 3: a model, weights only or +KV, with a cell per format in the formats' order. */
public record Table3Row(String model, boolean includesKvCache, List<MemoryFootprint> cells, boolean selected) {}
