package com.gemmavision.memory;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.ParameterCount;

/**
 * Weight memory from Table 1's parameter counts and a format's bits per weight, plus the scales quantized
 * formats store: Int4 per-channel keeps one bf16 scale per output channel of every matrix (and per
 * embedding row); Int4 blocks=32 one bf16 scale per 32 weights. bf16 and SFP8 store no per-weight scales.
 * The vision encoder's own channel scales are not counted (its layout is not in the data; they would add
 * well under 0.1%).
 */
public final class WeightBytes {

    static final int SCALE_BITS = 16;
    static final int BLOCK = 32;

    private WeightBytes() {}

    /** Which parts are stored how. */
    public record Options(boolean textOnly, boolean visionAndEmbeddingsInBf16) {
        public static final Options DEFAULT = new Options(false, false);
    }

    public static long bytes(ParameterCount params, Architecture model, String quant, Options options) {
        long vision = options.textOnly() ? 0 : params.visionEncoderM() * 1_000_000L;
        long embedding = params.embeddingM() * 1_000_000L;
        long body = params.nonEmbeddingM() * 1_000_000L;
        if (options.visionAndEmbeddingsInBf16()) {
            return (vision + embedding) * 2 + quantizedBits(body, bodyChannels(model), quant) / 8;
        }
        return quantizedBits(vision, 0, quant) / 8
                + quantizedBits(embedding, model.vocabSize(), quant) / 8
                + quantizedBits(body, bodyChannels(model), quant) / 8;
    }

    /** Output channels of every weight matrix of the transformer layers (q, k, v, o, gate, up, down). */
    static long bodyChannels(Architecture m) {
        long perLayer = (long) m.attentionHeads() * m.headDim()
                + 2L * m.keyValueHeads() * m.headDim()
                + m.hiddenSize()
                + 2L * m.intermediateSize()
                + m.hiddenSize();
        return perLayer * m.layers();
    }

    private static long quantizedBits(long weights, long channels, String quant) {
        return switch (quant) {
            case "bf16" -> weights * 16;
            case "sfp8" -> weights * 8;
            case "int4" -> weights * 4 + (weights == 0 ? 0 : channels * SCALE_BITS);
            case "int4-b32" -> weights * 4 + ((weights + BLOCK - 1) / BLOCK) * SCALE_BITS;
            default -> throw new IllegalArgumentException("Unknown quantization " + quant);
        };
    }
}
