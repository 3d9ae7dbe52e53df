package com.gemmavision.memory;

/**
 * What to estimate: a checkpoint by name, its weight format, the context per sequence, the number of
 * sequences served at once, how the KV cache is stored and whether the engine honours the sliding window.
 */
public record MemoryRequest(
        String model,
        String quant,
        long context,
        long batch,
        KvDtype kvDtype,
        boolean slidingWindow,
        WeightBytes.Options weights,
        long overheadBytes) {}
