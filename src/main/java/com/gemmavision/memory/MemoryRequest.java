package com.gemmavision.memory;

/**
 * What to estimate: a checkpoint by name, its weight format, the context per sequence, the number of
 * sequences served at once, how the KV cache is stored, whether the ideal engine honours the sliding window, the
 * serving engine and its settings.
 */
public record MemoryRequest(
        String model,
        String quant,
        long context,
        long batch,
        KvDtype kvDtype,
        boolean slidingWindow,
        WeightBytes.Options weights,
        long overheadBytes,
        Engine engine,
        EngineSettings settings) {

    /** The ideal engine with default settings: the report's own arithmetic. */
    public MemoryRequest(
            String model,
            String quant,
            long context,
            long batch,
            KvDtype kvDtype,
            boolean slidingWindow,
            WeightBytes.Options weights,
            long overheadBytes) {
        this(
                model,
                quant,
                context,
                batch,
                kvDtype,
                slidingWindow,
                weights,
                overheadBytes,
                Engine.IDEAL,
                EngineSettings.DEFAULT);
    }
}
