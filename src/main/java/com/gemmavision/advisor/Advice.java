package com.gemmavision.advisor;

import java.util.List;

/**
 * Every option on the requested GPU, the one recommended and the runner-up (the best fitting option of another
 * model, so the alternative is a real choice), with the reason in words.
 */
public record Advice(
        AdviceRequest request, List<FitOption> options, FitOption recommended, FitOption runnerUp, String reasoning) {

    /** What choosing the runner-up instead changes, or null when there is none. */
    public TradeOff runnerUpTradeOff() {
        return recommended == null || runnerUp == null ? null : TradeOff.of(recommended, runnerUp, request.rankBy());
    }

    /**
     * The other option minus the chosen one: quality points on the ranking score (null where either is
     * unpublished), bytes needed, and the decode bound in tokens/s (null without a bandwidth figure).
     */
    public record TradeOff(Double qualityPoints, long extraBytes, Double decodeChange) {

        static TradeOff of(FitOption chosen, FitOption other, QualityBenchmark by) {
            String a = chosen.qualityOf(by);
            String b = other.qualityOf(by);
            Double points = a == null || b == null ? null : Double.parseDouble(b) - Double.parseDouble(a);
            Double decode = chosen.decodeTokensPerSecondBound() == null || other.decodeTokensPerSecondBound() == null
                    ? null
                    : other.decodeTokensPerSecondBound() - chosen.decodeTokensPerSecondBound();
            return new TradeOff(
                    points, other.estimate().totalBytes() - chosen.estimate().totalBytes(), decode);
        }
    }
}
