package com.gemmavision.memory;

import java.util.List;

/**
 * A format people download (weight_formats.csv): bits per weight of the transformer body, the embedding table and
 * the vision encoder, the tensors a format upgrades to more bits, which engines load it and where the figures come
 * from.
 */
public record WeightFormat(
        String code,
        String label,
        List<Engine> engines,
        double bodyBits,
        double embeddingBits,
        double visionBits,
        List<String> upgradedTensors,
        Double upgradedBits,
        String keptHigher,
        String source,
        int sortOrder) {

    /** The same format as the advisor's options list formats. */
    public QuantizationFormat asQuantizationFormat() {
        return new QuantizationFormat(code, label, null, keptHigher + ". Source: " + source + ".", sortOrder);
    }
}
