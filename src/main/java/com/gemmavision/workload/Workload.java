package com.gemmavision.workload;

import java.util.List;

import com.gemmavision.memory.KvAllocation;

/**
 * What a document workload takes: whether it fits, at what batch, the prefill and decode figures as bounds and
 * (where published measurements calibrate them) as a typical range, documents per hour and cost per 1,000
 * documents.
 *
 * @param whyNot                 why nothing runs, or null
 * @param prefillSecondsPerDocument lower bound (peak compute); null without a published compute figure
 * @param decodeBound            generated tokens per second per sequence at the batch, at most
 * @param decodeTypical          the bound scaled by the efficiencies published measurements show, or null
 * @param costPer1000            at the bound (the cheapest it can be); null without a price
 */
public record Workload(
        WorkloadRequest request,
        long context,
        boolean fits,
        String whyNot,
        long batch,
        long weightsBytes,
        KvAllocation kvCache,
        long usableBytes,
        Double prefillSecondsPerDocument,
        Double decodeBound,
        Range decodeTypical,
        Double documentsPerHour,
        Range documentsPerHourTypical,
        Double costPer1000,
        Range costPer1000Typical,
        List<Calibration> calibration,
        String calibrationNote) {

    /** A low and a high figure. */
    public record Range(double low, double high) {}

    /** A measurement beside the bound our formula gives for its setup: their ratio is the efficiency. */
    public record Calibration(Measurement measurement, double boundTokensPerSecond, double efficiency) {}
}
