package com.gemmavision.memory;

import java.util.List;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;

import org.springframework.stereotype.Service;

/**
 * Memory estimates computed from the architecture and Table 1, for any context, batch, KV format, weight format
 * and serving engine.
 */
@Service
public class MemoryModel {

    private final Catalog catalog;
    private final QuantizationFormats formats;

    public MemoryModel(Catalog catalog, QuantizationFormats formats) {
        this.catalog = catalog;
        this.formats = formats;
    }

    public MemoryEstimate estimate(MemoryRequest request) {
        ModelProfile profile = catalog.profiles(List.of(request.model())).get(0);
        Architecture architecture = profile.architecture();
        if (request.context() > architecture.maxContext()) {
            throw new IllegalArgumentException(
                    profile.name() + " reads at most " + architecture.maxContext() + " tokens");
        }
        long weights = weightBytes(profile, request.quant(), request.weights());
        long kv = EngineKvCache.bytes(
                architecture,
                request.engine(),
                request.context(),
                request.batch(),
                request.kvDtype(),
                request.slidingWindow(),
                request.settings());
        return new MemoryEstimate(weights, kv, request.overheadBytes());
    }

    /** The KV cache the request's engine allocates, per layer kind. */
    public KvAllocation allocation(MemoryRequest request) {
        Architecture architecture = catalog.architecture(
                catalog.variant(request.model()).map(v -> v.baseModel()).orElse(request.model()));
        return EngineKvCache.allocate(
                architecture,
                request.engine(),
                request.context(),
                request.batch(),
                request.kvDtype(),
                request.slidingWindow(),
                request.settings());
    }

    /** Weight bytes read from memory for every decoding step: all but the vision encoder. */
    public long decodeWeightBytes(MemoryRequest request) {
        ModelProfile profile = catalog.profiles(List.of(request.model())).get(0);
        WeightBytes.Options textOnly = new WeightBytes.Options(
                true,
                request.weights().visionAndEmbeddingsInBf16(),
                request.weights().visionQuantized());
        return weightBytes(profile, request.quant(), textOnly);
    }

    private long weightBytes(ModelProfile profile, String quant, WeightBytes.Options options) {
        return formats.download(quant)
                .map(f -> WeightBytes.bytes(profile.parameters(), profile.architecture(), f, options))
                .orElseGet(() -> WeightBytes.bytes(profile.parameters(), profile.architecture(), quant, options));
    }
}
