package com.gemmavision.catalog;

/** Table 2 (infrastructure) with the training tokens of section 2.2 and the context length of section 2. */
public record TrainingFacts(
        String model,
        String tpuType,
        int chips,
        int dataShards,
        int seqShards,
        int replica,
        int trainingTokensT,
        int contextTokens) {}
