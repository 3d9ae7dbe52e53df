package com.gemmavision.advisor;

import com.gemmavision.memory.Engine;
import com.gemmavision.memory.EngineSettings;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.WeightBytes;

/**
 * The deployment to fit: a GPU (a preset, or only its memory), how many of them, the context and batch to
 * serve, how the KV cache is stored, whether the engine honours the sliding window, how the weights are
 * stored, the runtime overhead to reserve, the share of memory to keep free, and the score to rank by.
 *
 * @param gpu           the preset, or null for a custom GPU known only by its memory
 * @param memoryGib     memory of one GPU in GiB
 * @param gpus          GPUs whose memory (and bandwidth and compute) is pooled by tensor parallelism
 * @param headroomPercent share of the pooled memory left unused
 * @param engine        the serving engine whose KV cache rules apply ({@link Engine#IDEAL} is the report's arithmetic)
 */
public record AdviceRequest(
        GpuPreset gpu,
        double memoryGib,
        int gpus,
        long context,
        long batch,
        KvDtype kvDtype,
        boolean slidingWindow,
        WeightBytes.Options weights,
        double overheadGib,
        int headroomPercent,
        QualityBenchmark rankBy,
        Engine engine) {

    /** The ideal engine: today's answers. */
    public AdviceRequest(
            GpuPreset gpu,
            double memoryGib,
            int gpus,
            long context,
            long batch,
            KvDtype kvDtype,
            boolean slidingWindow,
            WeightBytes.Options weights,
            double overheadGib,
            int headroomPercent,
            QualityBenchmark rankBy) {
        this(
                gpu,
                memoryGib,
                gpus,
                context,
                batch,
                kvDtype,
                slidingWindow,
                weights,
                overheadGib,
                headroomPercent,
                rankBy,
                Engine.IDEAL);
    }

    /** The engine's settings on this GPU (vLLM's batched-token default depends on it). */
    public EngineSettings settings() {
        return EngineSettings.forGpu(memoryGib, gpu == null ? "" : gpu.gpu(), gpus);
    }

    /** The same request at another context and batch. */
    public AdviceRequest with(long newContext, long newBatch) {
        return copy(newContext, newBatch, engine);
    }

    /** The same request on another engine. */
    public AdviceRequest with(Engine newEngine) {
        return copy(context, batch, newEngine);
    }

    private AdviceRequest copy(long newContext, long newBatch, Engine newEngine) {
        return new AdviceRequest(
                gpu,
                memoryGib,
                gpus,
                newContext,
                newBatch,
                kvDtype,
                slidingWindow,
                weights,
                overheadGib,
                headroomPercent,
                rankBy,
                newEngine);
    }

    /** What the memory model is asked for one model and format under this request, at the given context. */
    public MemoryRequest memory(String model, String quant, long atContext) {
        return new MemoryRequest(
                model, quant, atContext, batch, kvDtype, slidingWindow, weights, overheadBytes(), engine, settings());
    }

    public long usableBytes() {
        return (long) Math.floor(memoryGib * gpus * (100 - headroomPercent) / 100.0 * MemoryEstimate.GIB);
    }

    public long overheadBytes() {
        return Math.round(overheadGib * MemoryEstimate.GIB);
    }

    public String gpuLabel() {
        String one = gpu != null ? gpu.gpu() : "a " + trim(memoryGib) + " GiB GPU";
        return gpus == 1 ? one : gpus + " × " + one;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
