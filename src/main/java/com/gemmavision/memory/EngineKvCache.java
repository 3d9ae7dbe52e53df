package com.gemmavision.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.gemmavision.catalog.Architecture;

/**
 * The KV cache each engine allocates for a Gemma 3 model, per layer kind, following the engine's own source
 * (cited in README "How we compute it and how to check it"). Context is tokens per sequence, batch the sequences
 * served at once; for llama.cpp that is {@code -c context×batch -np batch} (one stream per slot).
 */
public final class EngineKvCache {

    private static final double MIB = 1024.0 * 1024;

    private EngineKvCache() {}

    /** The allocation with its rule in words and the lines the engine logs: for pages and the API. */
    public static KvAllocation allocate(
            Architecture model,
            Engine engine,
            long context,
            long batch,
            KvDtype dtype,
            boolean slidingWindow,
            EngineSettings settings) {
        return allocate(model, engine, context, batch, dtype, slidingWindow, settings, true);
    }

    /**
     * The KV cache one decoding step reads: what attention looks at, not what the engine reserves. Every real
     * engine computes the sliding window, so its local layers read at most the window; the ideal engine follows
     * its {@code slidingWindow} switch.
     */
    public static long readBytes(
            Architecture model, Engine engine, long context, long batch, KvDtype dtype, boolean slidingWindow) {
        return KvCache.bytes(model, context, batch, dtype, engine != Engine.IDEAL || slidingWindow);
    }

    /** The bytes alone, without the words: what searches over context and batch call many times. */
    public static long bytes(
            Architecture model,
            Engine engine,
            long context,
            long batch,
            KvDtype dtype,
            boolean slidingWindow,
            EngineSettings settings) {
        return allocate(model, engine, context, batch, dtype, slidingWindow, settings, false)
                .bytes();
    }

    private static KvAllocation allocate(
            Architecture model,
            Engine engine,
            long context,
            long batch,
            KvDtype dtype,
            boolean slidingWindow,
            EngineSettings settings,
            boolean describe) {
        if (context < 1 || batch < 1) {
            throw new IllegalArgumentException("Context and batch must be at least 1");
        }
        if (!engine.offers(dtype)) {
            throw new IllegalArgumentException(
                    engine.code() + " stores the KV cache as " + engine.kvDtypeChoices() + ", not " + dtype.code());
        }
        long cell = KvCache.bytesPerTokenPerLayer(model, dtype);
        int global = model.globalLayers();
        int local = model.localLayers();
        return switch (engine) {
            case IDEAL, HF_TRANSFORMERS -> {
                // transformers' static hybrid cache keeps exactly the window, as the ideal engine does
                boolean window = slidingWindow || engine == Engine.HF_TRANSFORMERS;
                long localCells = window ? Math.min(context, model.slidingWindow()) : context;
                KvAllocation bare = new KvAllocation(
                        engine, dtype, global, context, local, localCells, batch, cell, 1, "", List.of());
                yield describe ? exactWindow(bare, model, window) : bare;
            }
            case VLLM -> vllmHybrid(model, context, batch, dtype, cell, settings, describe);
            case VLLM_NO_HYBRID -> {
                int block = settings.vllmBlockSize();
                long cells = ceilDiv(context, block) * block;
                yield new KvAllocation(
                        engine,
                        dtype,
                        model.layers(),
                        cells,
                        0,
                        0,
                        batch,
                        cell,
                        replication(model, engine, settings.tensorParallel()),
                        describe
                                ? "every layer: cdiv(context " + context + ", " + block + ") × " + block + " = " + cells
                                        + " cells"
                                : "",
                        List.of());
            }
            case LLAMACPP, LLAMACPP_SWA_FULL ->
                llamaCpp(model, engine, context, batch, dtype, cell, settings, describe);
            case OLLAMA -> ollama(model, context, batch, dtype, cell, describe);
        };
    }

    /** The rule in words (and for transformers, how to check it) of an allocation that keeps exactly the window. */
    private static KvAllocation exactWindow(KvAllocation a, Architecture model, boolean window) {
        String rule;
        List<String> checks = List.of();
        if (a.engine() == Engine.HF_TRANSFORMERS) {
            rule = "StaticLayer: max_cache_len = " + a.globalCells() + " cells; StaticSlidingWindowLayer: min(window "
                    + model.slidingWindow() + ", max_cache_len) = " + a.localCells() + " cells; × batch "
                    + a.sequences() + " (every row padded to the longest)";
            checks = List.of("sum(t.nbytes for layer in past_key_values.layers for t in (layer.keys, layer.values))"
                    + " == " + a.bytes());
        } else if (window) {
            rule = "global: context = " + a.globalCells() + " cells; local: min(context, window "
                    + model.slidingWindow() + ") = " + a.localCells() + " cells";
        } else {
            rule = "every layer keeps the context: " + a.globalCells() + " cells";
        }
        return new KvAllocation(
                a.engine(),
                a.dtype(),
                a.globalLayers(),
                a.globalCells(),
                a.localLayers(),
                a.localCells(),
                a.sequences(),
                a.bytesPerCell(),
                a.replication(),
                rule,
                checks);
    }

    private static KvAllocation vllmHybrid(
            Architecture model,
            long context,
            long batch,
            KvDtype dtype,
            long cell,
            EngineSettings settings,
            boolean describe) {
        int block = settings.vllmBlockSize();
        int global = model.globalLayers();
        int local = model.localLayers();
        int groupSize = vllmGroupSize(global, local);
        int globalSlots = (int) ceilDiv(global, groupSize) * groupSize;
        int localSlots = (int) ceilDiv(local, groupSize) * groupSize;
        long globalCells = ceilDiv(context, block) * block;
        long windowTokens = Math.min(model.slidingWindow() - 1 + settings.vllmMaxBatchedTokens(), context);
        long localCells = (ceilDiv(windowTokens, block) + 1) * block;
        String rule = !describe
                ? ""
                : "group size " + groupSize + " (" + global + " global, " + local + " sliding layers → "
                        + localSlots / groupSize + " sliding groups, " + (localSlots - local)
                        + " padding layers); global: cdiv("
                        + context + ", " + block + ") × " + block + " = " + globalCells
                        + " cells; sliding: (cdiv(min(window − 1 + "
                        + settings.vllmMaxBatchedTokens() + ", " + context + "), " + block + ") + 1) × " + block + " = "
                        + localCells + " cells";
        return new KvAllocation(
                Engine.VLLM,
                dtype,
                globalSlots,
                globalCells,
                localSlots,
                localCells,
                batch,
                cell,
                replication(model, Engine.VLLM, settings.tensorParallel()),
                rule,
                List.of());
    }

    /**
     * vLLM's group size for a hybrid model: the smaller layer count, unless the larger is within 25% of it
     * ({@code _get_kv_cache_groups_uniform_page_size}).
     */
    static int vllmGroupSize(int a, int b) {
        int min = Math.min(a, b);
        int max = Math.max(a, b);
        return max < min * 1.25 ? max : min;
    }

    private static KvAllocation llamaCpp(
            Architecture model,
            Engine engine,
            long context,
            long batch,
            KvDtype dtype,
            long cell,
            EngineSettings settings,
            boolean describe) {
        long nCtx = pad(Math.multiplyExact(context, batch), EngineSettings.LLAMA_PAD);
        long perSeq = pad(nCtx / batch, EngineSettings.LLAMA_PAD);
        long swa = engine == Engine.LLAMACPP_SWA_FULL
                ? perSeq
                : pad(
                        Math.min(perSeq, model.slidingWindow() + (long) settings.llamaUbatch()),
                        EngineSettings.LLAMA_PAD);
        if (!describe) {
            return new KvAllocation(
                    engine,
                    dtype,
                    model.globalLayers(),
                    perSeq,
                    model.localLayers(),
                    swa,
                    batch,
                    cell,
                    1,
                    "",
                    List.of());
        }
        String rule =
                "-c " + context * batch + " -np " + batch + ": n_ctx = pad(" + context * batch + ", 256) = " + nCtx
                        + ", n_ctx_seq = pad(n_ctx / " + batch + ", 256) = " + perSeq + " cells per stream; SWA: "
                        + (engine == Engine.LLAMACPP_SWA_FULL
                                ? "--swa-full keeps n_ctx_seq = " + perSeq + " cells"
                                : "pad(min(" + perSeq + ", window " + model.slidingWindow() + " + n_ubatch "
                                        + settings.llamaUbatch() + "), 256) = " + swa + " cells");
        KvAllocation draft = new KvAllocation(
                engine, dtype, model.globalLayers(), perSeq, model.localLayers(), swa, batch, cell, 1, rule, List.of());
        List<String> checks = new ArrayList<>();
        checks.add("llama_kv_cache_iswa: creating non-SWA KV cache, size = " + perSeq + " cells");
        checks.add(llamaSizeLine(perSeq, model.globalLayers(), batch, dtype, draft.globalBytes()));
        checks.add("llama_kv_cache_iswa: creating     SWA KV cache, size = " + swa + " cells");
        checks.add(llamaSizeLine(swa, model.localLayers(), batch, dtype, draft.localBytes()));
        return new KvAllocation(
                engine, dtype, draft.globalLayers(), perSeq, draft.localLayers(), swa, batch, cell, 1, rule, checks);
    }

    /** Ollama's {@code num_batch} default (api/types.go DefaultOptions): the sliding cache's extra cells. */
    static final int OLLAMA_NUM_BATCH = 512;

    /** Ollama's cache padding on the ggml backend ({@code CacheConfig}: 256 cells, flash attention or not). */
    static final int OLLAMA_PAD = 256;

    /**
     * Ollama's Gemma 3 cache (model/models/gemma3: a SWA cache and a causal cache in one wrapper). The runner
     * gives each cache {@code Init(backend, dtype, maxSequences = num_parallel, capacity = num_ctx, maxBatch =
     * num_batch)}; kvcache/causal.go sizes the causal one {@code maxSequences × capacity} cells and the sliding one
     * {@code maxSequences × window + maxBatch} (or {@code maxSequences × capacity} when the context is shorter than
     * the window), each rounded up to the backend's padding. The cells are shared by the sequences, so the
     * allocation is counted as one pool ({@code sequences} 1).
     */
    private static KvAllocation ollama(
            Architecture model, long context, long batch, KvDtype dtype, long cell, boolean describe) {
        long window = model.slidingWindow();
        long global = pad(Math.multiplyExact(batch, context), OLLAMA_PAD);
        long local = context < window
                ? global
                : pad(Math.addExact(Math.multiplyExact(batch, window), OLLAMA_NUM_BATCH), OLLAMA_PAD);
        String rule = !describe
                ? ""
                : "num_ctx " + context + ", num_parallel " + batch + ": causal cache pad(" + batch + " × " + context
                        + ", 256) = " + global + " cells; sliding cache "
                        + (context < window
                                ? "(context below the window " + window + ") the same " + global + " cells"
                                : "pad(" + batch + " × window " + window + " + num_batch " + OLLAMA_NUM_BATCH
                                        + ", 256) = " + local + " cells");
        List<String> checks = describe
                ? List.of("ollama ps → CONTEXT " + context
                        + (batch > 1 ? " (per request; " + batch + " in parallel)" : ""))
                : List.of();
        return new KvAllocation(
                Engine.OLLAMA,
                dtype,
                model.globalLayers(),
                global,
                model.localLayers(),
                local,
                1,
                cell,
                1,
                rule,
                checks);
    }

    /** The line llama.cpp's llama_kv_cache constructor logs for one of its two caches. */
    private static String llamaSizeLine(long cells, int layers, long streams, KvDtype dtype, long bytes) {
        String type = dtype.code();
        return String.format(
                Locale.ROOT,
                "llama_kv_cache: size = %7.2f MiB (%6d cells, %3d layers, %2d/%d seqs), K (%s): %7.2f MiB, V (%s): %7.2f MiB",
                bytes / MIB,
                cells,
                layers,
                streams,
                streams,
                type,
                bytes / 2 / MIB,
                type,
                bytes / 2 / MIB);
    }

    /**
     * What vLLM logs at start-up when {@code kvBudgetBytes} (its "Available KV cache memory", per GPU) is left for the
     * cache: pages of {@code group size} layers, a request needing its pages in every group.
     */
    public static List<String> vllmLog(
            KvAllocation allocation, Architecture model, long context, long kvBudgetBytes, EngineSettings settings) {
        if (!allocation.engine().isVllm() || kvBudgetBytes <= 0) {
            return List.of();
        }
        int block = settings.vllmBlockSize();
        int tp = settings.tensorParallel();
        long cellPerGpu = allocation.bytesPerCell() * allocation.replication() / tp;
        long pageBytes = cellPerGpu * block;
        long groupSize;
        long pagesPerRequest;
        long kvCacheGroups;
        if (allocation.engine() == Engine.VLLM) {
            groupSize = vllmGroupSize(model.globalLayers(), model.localLayers());
            long groups = allocation.localLayers() / groupSize;
            pagesPerRequest = allocation.globalCells() / block + groups * (allocation.localCells() / block);
            kvCacheGroups = 1 + groups;
        } else {
            groupSize = model.layers();
            pagesPerRequest = allocation.globalCells() / block;
            kvCacheGroups = 1;
        }
        long perGpu = kvBudgetBytes / tp;
        long pages = perGpu / pageBytes / groupSize;
        double concurrency = (double) pages / pagesPerRequest;
        long tokens = (long) (concurrency * context);
        long blockTokens = pages / kvCacheGroups * block;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Available KV cache memory: %.2f GiB", perGpu / (MIB * 1024)));
        lines.add(String.format(
                Locale.ROOT,
                "GPU KV cache size: %,d tokens, Maximum concurrency for %,d tokens per request: %.2fx   (%s:"
                        + " N = maximum concurrency × max_model_len)",
                tokens,
                context,
                concurrency,
                SINCE_50462));
        lines.add(String.format(
                Locale.ROOT,
                "GPU KV cache size: %,d tokens   (%s: %,d blocks ÷ %d KV cache group%s × %d)",
                blockTokens,
                BEFORE_50462,
                pages,
                kvCacheGroups,
                kvCacheGroups == 1 ? "" : "s",
                block));
        lines.add(String.format(
                Locale.ROOT,
                "Maximum concurrency for %,d tokens per request: %.2fx   (%s)",
                context,
                concurrency,
                BEFORE_50462));
        return lines;
    }

    /**
     * What vLLM's start-up line means depends on the version. Before vllm-project/vllm#50462 (merged 30 July 2026),
     * {@code _report_kv_cache_config} in vllm/v1/core/kv_cache_utils.py logged two lines: "GPU KV cache size: N
     * tokens" with N = num_blocks // len(kv_cache_groups) × min block size (as 0.19.0 prints it,
     * vllm-project/vllm#40691), and "Maximum concurrency for C tokens per request: Yx". For a hybrid model such as
     * Gemma 3 the two disagree: the block formula divides the shared pool evenly among the groups. #50462 moved the
     * log to {@code update_kv_cache_capacity}, which computes, stores ({@code cache_config.kv_cache_size_tokens}) and
     * logs N and Y from one calculation, N = int(Y × max_model_len), in one line; Y counts each group's whole blocks
     * since vllm-project/vllm#48317 (merged July 2026). vllm-project/vllm#54840 is an open, logging-only PR ("no
     * computed value changes") that would label N and add the pool size; it changed nothing printed here.
     */
    static final String SINCE_50462 = "vLLM with PR #50462 (July 2026) and later";

    static final String BEFORE_50462 = "vLLM before PR #50462, e.g. 0.19";

    /** Why an engine cannot split this model over {@code gpus} GPUs, if it cannot. */
    public static Optional<String> tensorParallelProblem(Architecture model, Engine engine, int gpus) {
        if (gpus <= 1 || !engine.isVllm()) {
            return Optional.empty();
        }
        if (model.attentionHeads() % gpus != 0) {
            return Optional.of("vLLM refuses --tensor-parallel-size " + gpus + ": " + model.model() + " has "
                    + model.attentionHeads() + " attention heads, which do not divide by " + gpus + ".");
        }
        int kv = model.keyValueHeads();
        if (gpus <= kv ? kv % gpus != 0 : gpus % kv != 0) {
            return Optional.of("vLLM refuses --tensor-parallel-size " + gpus + ": " + model.model() + "'s " + kv
                    + " KV heads neither divide by " + gpus + " nor divide it.");
        }
        return Optional.empty();
    }

    /** vLLM keeps max(1, kv heads / GPUs) KV heads on each GPU: more GPUs than KV heads store copies. */
    static int replication(Architecture model, Engine engine, int gpus) {
        if (!engine.isVllm() || gpus <= model.keyValueHeads()) {
            return 1;
        }
        return gpus / model.keyValueHeads();
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    static long pad(long value, long to) {
        return ceilDiv(value, to) * to;
    }
}
