package com.gemmavision.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A format's footprint as a share of bf16 for the same model and KV setting: derived from two Table 3 cells.
 */
public record Saving(String model, QuantizationFormat format, MemoryFootprint footprint, MemoryFootprint bf16) {

    public int percentOfBf16() {
        return footprint
                .gb()
                .multiply(BigDecimal.valueOf(100))
                .divide(bf16.gb(), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** How the figure was derived, e.g. "14.1 GB ÷ 54.0 GB". */
    public String derivation() {
        return footprint.gbText() + " GB ÷ " + bf16.gbText() + " GB";
    }
}
