package com.gemmavision.advisor;

import java.util.Map;

import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.QuantizationFormat;

/**
 * One model in one format on the requested GPU. The throughput figures are bounds, not predictions: decode
 * speed cannot exceed bandwidth over the bytes read per step; prefill cannot beat peak compute.
 *
 * @param contextSupported false when the requested context exceeds what the model reads (1B stops at 32,768)
 * @param maxContext       the longest context that fits at the requested batch, or null if none does
 * @param maxBatch         the most sequences that fit at the requested context (0 if none)
 * @param decodeTokensPerSecondBound upper bound on generated tokens per second for the whole batch, null
 *                         without a published bandwidth (a GPU known only by its memory)
 * @param prefillSecondsBound lower bound on the time to read the context for the whole batch, null without
 *                         a published compute figure
 * @param quality          published scores of the model's IT checkpoint, as printed, by benchmark
 * @param refusal          why the engine cannot run this option at all (a GPU count it refuses), or null
 */
public record FitOption(
        String model,
        QuantizationFormat format,
        MemoryEstimate estimate,
        long usableBytes,
        boolean contextSupported,
        boolean fits,
        Long maxContext,
        long maxBatch,
        Double decodeTokensPerSecondBound,
        Double prefillSecondsBound,
        Map<QualityBenchmark, String> quality,
        String refusal) {

    public long headroomBytes() {
        return usableBytes - estimate.totalBytes();
    }

    public String qualityOf(QualityBenchmark benchmark) {
        return quality.get(benchmark);
    }
}
