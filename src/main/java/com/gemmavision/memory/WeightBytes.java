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

    /**
     * Weight memory of a download format: each part at its bits per weight; for GGUF's K-quant mixes, the
     * upgraded tensors (attn_v, ffn_down) of the layers llama.cpp's {@code use_more_bits} picks at their own bits.
     * With {@code visionAndEmbeddingsInBf16}, those two parts count 16 bits whatever the format says.
     */
    public static long bytes(ParameterCount params, Architecture model, WeightFormat format, Options options) {
        double vision = options.textOnly() ? 0 : params.visionEncoderM() * 1e6;
        double embedding = params.embeddingM() * 1e6;
        double body = params.nonEmbeddingM() * 1e6;
        double visionBits = options.visionAndEmbeddingsInBf16() ? 16 : format.visionBits();
        double embeddingBits = options.visionAndEmbeddingsInBf16() ? 16 : format.embeddingBits();
        double upgraded = 0;
        if (!format.upgradedTensors().isEmpty()) {
            upgraded = Math.min(body, (double) moreBitsLayers(model.layers()) * upgradedPerLayer(model, format));
        }
        double bits = vision * visionBits
                + embedding * embeddingBits
                + (body - upgraded) * format.bodyBits()
                + (upgraded == 0 ? 0 : upgraded * format.upgradedBits());
        return Math.round(bits / 8);
    }

    /** Layers llama.cpp's use_more_bits(i, n) picks: i < n/8, i >= 7n/8, or (i - n/8) % 3 == 2. */
    public static int moreBitsLayers(int layers) {
        int count = 0;
        for (int i = 0; i < layers; i++) {
            if (i < layers / 8 || i >= 7 * layers / 8 || (i - layers / 8) % 3 == 2) {
                count++;
            }
        }
        return count;
    }

    private static long upgradedPerLayer(Architecture m, WeightFormat format) {
        long total = 0;
        for (String tensor : format.upgradedTensors()) {
            total += switch (tensor.trim()) {
                case "attn_v" -> (long) m.hiddenSize() * m.keyValueHeads() * m.headDim();
                case "ffn_down" -> (long) m.intermediateSize() * m.hiddenSize();
                default -> throw new IllegalArgumentException("Unknown tensor " + tensor);
            };
        }
        return total;
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
