package com.gemmavision.workload;

/**
 * A published decode speed of Gemma 3 (throughput_measurements.csv): where, on what, and the source.
 *
 * @param contextTokens  tokens in the context when measured (0: short prompts, the KV cache read not counted)
 * @param reading        how we read a source that leaves something unsaid, or null
 */
public record Measurement(
        int id,
        String gpu,
        int memoryBandwidthGbS,
        String engine,
        String model,
        String quant,
        int batch,
        int contextTokens,
        double decodeTokensPerSecond,
        String setup,
        String reading,
        String source,
        String published) {}
