package com.gemmavision.benchmarks;

import java.util.Locale;

/** One row of Table 5, as printed; unknown columns (the report prints nothing) are null. */
public record ArenaEntry(
        int position,
        int arenaRank,
        String model,
        int elo,
        int ciPlus,
        int ciMinus,
        Boolean openWeights,
        String architectureKind,
        String paramsTotal,
        String paramsActivated) {

    public boolean gemma() {
        return model.toLowerCase(Locale.ROOT).contains("gemma");
    }

    public boolean open() {
        return Boolean.TRUE.equals(openWeights);
    }
}
