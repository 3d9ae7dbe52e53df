package com.gemmavision.advisor;

import java.util.List;
import java.util.Optional;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.memory.EngineKvCache;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryModel;

import org.springframework.stereotype.Service;

/**
 * The one place that decides what fits: whether a model reads the context, whether the engine can split it over the
 * GPUs, the memory one sequence needs beside the weights and how many sequences fit, the KV budget an engine is
 * left and the prefill bound. The advisor's options, the workload page and the memory API all ask it, so the same
 * inputs get the same answer everywhere.
 */
@Service
public class Sizing {

    private final Catalog catalog;
    private final MemoryModel memory;

    public Sizing(Catalog catalog, MemoryModel memory) {
        this.catalog = catalog;
        this.memory = memory;
    }

    /** Why nothing runs, if nothing does: the first of these that holds. */
    public enum Refusal {
        /** The context is longer than the model reads. */
        CONTEXT,
        /** The engine cannot split the model over the GPUs (vLLM's head rules). */
        TENSOR_PARALLEL,
        /** Not even one sequence fits beside the weights and the overhead. */
        MEMORY
    }

    /**
     * One model in one format on a deployment at a context: the estimate for the deployment's own batch
     * ({@code estimate}), the bytes that do not grow with sequences ({@code fixedBytes}: weights and overhead),
     * the KV cache of one sequence, the usable memory, the sequences that fit (0 when a refusal holds) and the
     * refusal, with the engine's own words for a tensor-parallel one.
     */
    public record Fit(
            ModelProfile profile,
            String quant,
            long context,
            MemoryEstimate estimate,
            long fixedBytes,
            long perSequenceBytes,
            long usableBytes,
            long maxSequences,
            Optional<Refusal> refusal,
            String tensorParallelProblem) {

        /** The memory the engine is left for its KV cache after the weights and the overhead (vLLM's budget). */
        public long kvBudgetBytes() {
            return usableBytes - fixedBytes;
        }

        /** Whether the deployment's own batch fits at this context. */
        public boolean fitsAtBatch() {
            return refusal.isEmpty() && estimate.totalBytes() <= usableBytes;
        }
    }

    /**
     * Sizes {@code model} in {@code quant} at {@code context} tokens per sequence (read up to the model's longest, so
     * a too-long context is measured as far as it goes and refused).
     */
    public Fit fit(String model, String quant, long context, AdviceRequest deployment) {
        ModelProfile profile = catalog.profiles(List.of(model)).get(0);
        Architecture architecture = profile.architecture();
        long readContext = Math.min(context, architecture.maxContext());
        MemoryEstimate estimate = memory.estimate(deployment.memory(model, quant, readContext));
        long fixed = estimate.weightsBytes() + estimate.overheadBytes();
        long perSequence = EngineKvCache.bytes(
                architecture,
                deployment.engine(),
                readContext,
                1,
                deployment.kvDtype(),
                deployment.slidingWindow(),
                deployment.settings());
        long usable = deployment.usableBytes();
        Optional<String> split =
                EngineKvCache.tensorParallelProblem(architecture, deployment.engine(), deployment.gpus());
        Optional<Refusal> refusal = context > architecture.maxContext()
                ? Optional.of(Refusal.CONTEXT)
                : split.isPresent()
                        ? Optional.of(Refusal.TENSOR_PARALLEL)
                        : usable < fixed + perSequence ? Optional.of(Refusal.MEMORY) : Optional.empty();
        long sequences = refusal.isPresent() ? 0 : (usable - fixed) / Math.max(1, perSequence);
        return new Fit(
                profile,
                quant,
                readContext,
                estimate,
                fixed,
                perSequence,
                usable,
                sequences,
                refusal,
                split.orElse(null));
    }

    /**
     * The least time to prefill {@code tokens} for {@code sequences} at once: 2 × text parameters × tokens ×
     * sequences ÷ the GPUs' dense peak for the format (FP8's for FP8 weights where the GPU has it); null without a
     * published peak.
     */
    public static Double prefillSeconds(
            ModelProfile profile, String quant, long tokens, long sequences, AdviceRequest deployment) {
        Integer peak = deployment.gpu() == null ? null : deployment.gpu().prefillTflops(quant);
        if (peak == null) {
            return null;
        }
        double textParameters =
                (profile.parameters().embeddingM() + profile.parameters().nonEmbeddingM()) * 1e6;
        return 2 * textParameters * tokens * sequences / (peak * 1e12 * deployment.gpus());
    }
}
