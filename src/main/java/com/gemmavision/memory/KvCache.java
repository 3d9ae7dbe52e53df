package com.gemmavision.memory;

import com.gemmavision.catalog.Architecture;

/**
 * The KV cache of a Gemma 3 model, from its architecture: batch x sum over layers of (tokens the layer keeps)
 * x 2 (keys and values) x KV heads x head dim x bytes per element. Layer l (0-based) is global when
 * (l + 1) % pattern == 0 and keeps every context token; a local layer keeps at most the sliding window,
 * when the serving engine honours it.
 */
public final class KvCache {

    private KvCache() {}

    public static boolean isGlobal(Architecture model, int layer) {
        return (layer + 1) % model.slidingWindowPattern() == 0;
    }

    /** Tokens kept by all layers together for one sequence of the given context. */
    public static long tokensKept(Architecture model, long context, boolean slidingWindow) {
        long total = 0;
        for (int layer = 0; layer < model.layers(); layer++) {
            boolean local = !isGlobal(model, layer);
            total += local && slidingWindow ? Math.min(context, model.slidingWindow()) : context;
        }
        return total;
    }

    /** Bytes of key and value state per token kept by one layer (one K row and one V row). */
    public static long bytesPerTokenPerLayer(Architecture model, KvDtype dtype) {
        return 2L * dtype.rowBytes((long) model.keyValueHeads() * model.headDim());
    }

    public static long bytes(Architecture model, long context, long batch, KvDtype dtype, boolean slidingWindow) {
        if (context < 0 || batch < 0) {
            throw new IllegalArgumentException("Context and batch must not be negative");
        }
        return Math.multiplyExact(
                Math.multiplyExact(batch, tokensKept(model, context, slidingWindow)),
                bytesPerTokenPerLayer(model, dtype));
    }
}
