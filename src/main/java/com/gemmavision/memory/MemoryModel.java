package com.gemmavision.memory;

import java.util.List;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;

import org.springframework.stereotype.Service;

/** Memory estimates computed from the architecture and Table 1, for any context, batch and KV format. */
@Service
public class MemoryModel {

    private final Catalog catalog;

    public MemoryModel(Catalog catalog) {
        this.catalog = catalog;
    }

    public MemoryEstimate estimate(MemoryRequest request) {
        ModelProfile profile = catalog.profiles(List.of(request.model())).get(0);
        Architecture architecture = profile.architecture();
        if (request.context() > architecture.maxContext()) {
            throw new IllegalArgumentException(
                    profile.name() + " reads at most " + architecture.maxContext() + " tokens");
        }
        long weights = WeightBytes.bytes(profile.parameters(), architecture, request.quant(), request.weights());
        long kv = KvCache.bytes(
                architecture, request.context(), request.batch(), request.kvDtype(), request.slidingWindow());
        return new MemoryEstimate(weights, kv, request.overheadBytes());
    }

    /** Weight bytes read from memory for every decoding step: all but the vision encoder. */
    public long decodeWeightBytes(MemoryRequest request) {
        ModelProfile profile = catalog.profiles(List.of(request.model())).get(0);
        WeightBytes.Options textOnly =
                new WeightBytes.Options(true, request.weights().visionAndEmbeddingsInBf16());
        return WeightBytes.bytes(profile.parameters(), profile.architecture(), request.quant(), textOnly);
    }
}
