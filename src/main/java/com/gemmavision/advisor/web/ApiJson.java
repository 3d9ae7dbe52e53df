package com.gemmavision.advisor.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.gemmavision.advisor.Advice;
import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.LaunchCommand;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.memory.KvAllocation;
import com.gemmavision.memory.MemoryEstimate;

/** The JSON API's answers as records: Jackson writes their components in the order declared here. */
final class ApiJson {

    private ApiJson() {}

    /** What `/api/memory` computed for, after defaults. */
    record MemoryInputs(
            String model,
            String quant,
            long context,
            long batch,
            String kvDtype,
            boolean slidingWindow,
            boolean textOnly,
            boolean bf16Extras,
            boolean visionQuantized,
            double overheadGiB,
            String engine) {

        static MemoryInputs of(String model, String quant, AdviceRequest request) {
            return new MemoryInputs(
                    model,
                    quant,
                    request.context(),
                    request.batch(),
                    request.kvDtype().code(),
                    request.slidingWindow(),
                    request.weights().textOnly(),
                    request.weights().visionAndEmbeddingsInBf16(),
                    request.weights().visionQuantized(),
                    request.overheadGib(),
                    request.engine().code());
        }
    }

    /**
     * The KV cache as the engine allocates it, per layer kind, with its rule and what the engine logs to compare.
     */
    record KvCacheDetail(
            String engine,
            String rule,
            int globalLayers,
            long globalCellsPerSequence,
            int localLayers,
            long localCellsPerSequence,
            long sequences,
            long bytesPerCellPerLayer,
            long globalBytes,
            long localBytes,
            List<String> check) {

        static KvCacheDetail of(KvAllocation a, List<String> check) {
            return new KvCacheDetail(
                    a.engine().code(),
                    a.rule(),
                    a.globalLayers(),
                    a.globalCells(),
                    a.localLayers(),
                    a.localCells(),
                    a.sequences(),
                    a.bytesPerCell() * a.replication(),
                    a.globalBytes(),
                    a.localBytes(),
                    check);
        }
    }

    record Memory(
            MemoryInputs inputs,
            long weightsBytes,
            long kvCacheBytes,
            long overheadBytes,
            long totalBytes,
            double weightsGiB,
            double kvCacheGiB,
            double overheadGiB,
            double totalGiB,
            KvCacheDetail kvCache) {

        static Memory of(MemoryInputs inputs, MemoryEstimate estimate, KvCacheDetail kvCache) {
            return new Memory(
                    inputs,
                    estimate.weightsBytes(),
                    estimate.kvCacheBytes(),
                    estimate.overheadBytes(),
                    estimate.totalBytes(),
                    gib(estimate.weightsBytes()),
                    gib(estimate.kvCacheBytes()),
                    gib(estimate.overheadBytes()),
                    gib(estimate.totalBytes()),
                    kvCache);
        }
    }

    /** What `/api/advice` advised for, after defaults. */
    record AdviceInputs(
            String gpu,
            double memoryGiB,
            int gpus,
            long context,
            long batch,
            String kvDtype,
            boolean slidingWindow,
            double overheadGiB,
            int headroom,
            String rankBy,
            boolean textOnly,
            boolean bf16Extras,
            boolean visionQuantized,
            String engine,
            long usableBytes) {

        /** Components that are worked out, not inputs a URL sets. */
        static final Set<String> DERIVED = Set.of("usableBytes");

        static AdviceInputs of(AdviceRequest request) {
            return new AdviceInputs(
                    request.gpu() == null ? null : request.gpu().gpu(),
                    request.memoryGib(),
                    request.gpus(),
                    request.context(),
                    request.batch(),
                    request.kvDtype().code(),
                    request.slidingWindow(),
                    request.overheadGib(),
                    request.headroomPercent(),
                    request.rankBy().id(),
                    request.weights().textOnly(),
                    request.weights().visionAndEmbeddingsInBf16(),
                    request.weights().visionQuantized(),
                    request.engine().code(),
                    request.usableBytes());
        }
    }

    /**
     * One model × format. Quality scores are numbers as published (a {@link BigDecimal} keeps the report's
     * digits), null where the report gives none.
     */
    record Option(
            String model,
            String quant,
            long weightsBytes,
            long kvCacheBytes,
            long overheadBytes,
            long totalBytes,
            double totalGiB,
            boolean fits,
            boolean contextSupported,
            long headroomBytes,
            Long maxContext,
            long maxBatch,
            Double decodeTokensPerSecondUpperBound,
            Double prefillSecondsLowerBound,
            Map<String, BigDecimal> quality) {

        static Option of(FitOption option) {
            Map<String, BigDecimal> quality = new LinkedHashMap<>();
            for (QualityBenchmark benchmark : QualityBenchmark.values()) {
                quality.put(benchmark.id(), score(option.qualityOf(benchmark)));
            }
            return new Option(
                    option.model(),
                    option.format().code(),
                    option.estimate().weightsBytes(),
                    option.estimate().kvCacheBytes(),
                    option.estimate().overheadBytes(),
                    option.estimate().totalBytes(),
                    gib(option.estimate().totalBytes()),
                    option.fits(),
                    option.contextSupported(),
                    option.headroomBytes(),
                    option.maxContext(),
                    option.maxBatch(),
                    option.decodeTokensPerSecondBound() == null
                            ? null
                            : round(option.decodeTokensPerSecondBound(), 1000),
                    option.prefillSecondsBound() == null ? null : round(option.prefillSecondsBound(), 10_000),
                    quality);
        }

        private static BigDecimal score(String published) {
            if (published == null || published.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(published.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * The recommended option and the runner-up, with what choosing the runner-up instead changes: quality points
     * (runner-up minus recommended), memory in bytes and the decode bound in tokens/s (null where unknown).
     */
    record Recommendation(
            String model,
            String quant,
            String reason,
            String runnerUpModel,
            String runnerUpQuant,
            Double runnerUpQualityPoints,
            Long runnerUpExtraBytes,
            Double runnerUpDecodeTokensPerSecondChange,
            String launchCommand) {}

    record AdviceAnswer(AdviceInputs inputs, List<Option> options, Recommendation recommendation) {

        static AdviceAnswer of(AdviceRequest request, Advice advice) {
            FitOption best = advice.recommended();
            Advice.TradeOff change = advice.runnerUpTradeOff();
            Double points = change == null || change.qualityPoints() == null ? null : round(change.qualityPoints(), 10);
            Long bytes = change == null ? null : change.extraBytes();
            Double decode = change == null || change.decodeChange() == null ? null : round(change.decodeChange(), 10);
            return new AdviceAnswer(
                    AdviceInputs.of(request),
                    advice.options().stream().map(Option::of).toList(),
                    new Recommendation(
                            best == null ? null : best.model(),
                            best == null ? null : best.format().code(),
                            advice.reasoning(),
                            advice.runnerUp() == null ? null : advice.runnerUp().model(),
                            advice.runnerUp() == null
                                    ? null
                                    : advice.runnerUp().format().code(),
                            points,
                            bytes,
                            decode,
                            LaunchCommand.of(request, best)));
        }
    }

    private static double gib(long bytes) {
        return round(MemoryEstimate.gib(bytes), 1000);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
