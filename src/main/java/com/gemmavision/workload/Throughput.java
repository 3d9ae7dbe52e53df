package com.gemmavision.workload;

/**
 * Throughput bounds. Decode reads every text weight and each sequence's KV cache once per step, so the batch's
 * tokens per second cannot exceed bandwidth × batch ÷ (weights + batch × KV read); nor can it exceed peak compute ÷
 * (2 × text parameters), the floating-point work of one token. Prefill of n tokens takes at least 2 × text
 * parameters × n ÷ peak compute.
 */
public final class Throughput {

    private Throughput() {}

    /**
     * @param bandwidth       bytes per second
     * @param flops           peak dense FLOP/s, or null when not published (the compute cap is then left out)
     * @return generated tokens per second for the whole batch, at most
     */
    public static double decodeBound(
            double bandwidth,
            Double flops,
            long weightBytes,
            long kvReadPerSequence,
            long batch,
            double textParameters) {
        double memory = batch * bandwidth / (weightBytes + (double) batch * kvReadPerSequence);
        return flops == null ? memory : Math.min(memory, flops / (2 * textParameters));
    }

    /** Seconds to read {@code tokens} into the cache, at least. */
    public static double prefillSecondsBound(double textParameters, long tokens, double flops) {
        return 2 * textParameters * tokens / flops;
    }

    /**
     * Documents an hour when {@code batch} documents are served together: each is prefilled (one after another, as
     * compute allows), then all generate their answers at {@code perSequenceTokensPerSecond}.
     */
    public static double documentsPerHour(
            long batch, double prefillSecondsPerDocument, long answerTokens, double perSequenceTokensPerSecond) {
        double wave = batch * prefillSecondsPerDocument + answerTokens / perSequenceTokensPerSecond;
        return 3600.0 * batch / wave;
    }
}
