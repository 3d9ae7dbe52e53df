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

    /**
     * Which parts are stored how. By default the vision encoder stays in bf16 whatever the format, as Table 3
     * counts it (4B Int4: 2.6 GB in the report; quantizing the encoder too gives 2.15 GB); {@code visionQuantized}
     * stores it like the rest, as a checkpoint quantized whole would.
     */
    public record Options(boolean textOnly, boolean visionAndEmbeddingsInBf16, boolean visionQuantized) {
        public static final Options DEFAULT = new Options(false, false, false);

        public Options(boolean textOnly, boolean visionAndEmbeddingsInBf16) {
            this(textOnly, visionAndEmbeddingsInBf16, false);
        }

        /** Whether the vision encoder counts 16 bits a weight whatever the format says. */
        public boolean visionInBf16() {
            return visionAndEmbeddingsInBf16 || !visionQuantized;
        }
    }

    public static long bytes(ParameterCount params, Architecture model, String quant, Options options) {
        long vision = options.textOnly() ? 0 : params.visionEncoderM() * 1_000_000L;
        long embedding = params.embeddingM() * 1_000_000L;
        long body = params.nonEmbeddingM() * 1_000_000L;
        if (options.visionAndEmbeddingsInBf16()) {
            return (vision + embedding) * 2 + quantizedBits(body, bodyChannels(model), quant) / 8;
        }
        return (options.visionInBf16() ? vision * 2 : quantizedBits(vision, 0, quant) / 8)
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
        double visionBits = options.visionInBf16() ? 16 : format.visionBits();
        double embeddingBits = options.visionAndEmbeddingsInBf16() ? 16 : format.embeddingBits();
        double upgraded = 0;
        if (!format.upgradedTensors().isEmpty()) {
            upgraded = Math.min(body, (double) moreBitsLayers(model.layers()) * upgradedPerLayer(model, format));
        }
        double bits = vision * visionBits
                + embedding * embeddingBits
                + (body - upgraded) * format.bodyBits()
                + (upgraded == 0 ? 0 : upgraded * format.upgradedBits())
                + fallbackBits(model, format, options.visionAndEmbeddingsInBf16() ? 0 : embedding);
        return Math.round(bits / 8);
    }

    /** GGUF K-quants store 256 weights a block, along a tensor's rows (its input width). */
    static final int K_BLOCK = 256;

    /**
     * A GGUF format is a K-quant mix when its name says so ({@code q4_k_m}, {@code q6_k}): its body tensors are
     * K-quants. Q4_0, Q8_0 and the QAT Q4_0 files use 32-weight blocks.
     */
    static boolean kQuant(WeightFormat format) {
        return format.code().matches("q\\d_k.*");
    }

    /**
     * A K-quant type's fallback when a tensor's input width is not a multiple of 256, as llama.cpp's quantizer
     * applies it ({@code tensor_type_fallback} in src/llama-quant.cpp): Q4_K → Q5_0, Q5_K → Q5_1, Q6_K → Q8_0,
     * Q2_K and Q3_K → Q4_0; bits per weight from ggml-common.h's block sizes.
     */
    static double fallback(double kQuantBits) {
        if (kQuantBits == 4.5) {
            return 5.5; // Q4_K (144 bytes / 256) → Q5_0 (22 bytes / 32)
        }
        if (kQuantBits == 5.5) {
            return 6.0; // Q5_K (176 / 256) → Q5_1 (24 / 32)
        }
        if (kQuantBits == 6.5625) {
            return 8.5; // Q6_K (210 / 256) → Q8_0 (34 / 32)
        }
        if (kQuantBits == 2.625 || kQuantBits == 3.4375) {
            return 4.5; // Q2_K, Q3_K → Q4_0 (18 / 32)
        }
        throw new IllegalArgumentException("No K-quant of " + kQuantBits + " bits per weight");
    }

    /**
     * Bits added where llama.cpp's quantizer falls back from a K-quant: every tensor whose input width is not a
     * multiple of 256. Of Gemma 3, only the 1B (hidden size 1152) has such tensors: q, k, v, gate and up read the
     * hidden state, and the tied token embedding has 1152 columns (llama.cpp quantizes it as the output tensor,
     * Q8_0 when its width does not fit a K-quant block). attn_output (1024 wide) and ffn_down (6912) fit. Upgraded
     * tensors (Q6_K) fall back to Q8_0 like the rest.
     */
    static double fallbackBits(Architecture m, WeightFormat format, double embeddingWeights) {
        int layers = m.layers();
        int moreBits = moreBitsLayers(layers);
        long hidden = m.hiddenSize();
        long attention = (long) m.attentionHeads() * m.headDim();
        long kv = (long) m.keyValueHeads() * m.headDim();
        long inter = m.intermediateSize();
        boolean kBody = kQuant(format);
        double extra = 0;
        // tensor, weights per layer, input width
        Object[][] tensors = {
            {"attn_q", hidden * attention, hidden},
            {"attn_k", hidden * kv, hidden},
            {"attn_v", hidden * kv, hidden},
            {"attn_output", attention * hidden, attention},
            {"ffn_gate", hidden * inter, hidden},
            {"ffn_up", hidden * inter, hidden},
            {"ffn_down", inter * hidden, inter}
        };
        for (Object[] tensor : tensors) {
            long weights = (long) tensor[1];
            long width = (long) tensor[2];
            if (width % K_BLOCK == 0) {
                continue;
            }
            boolean upgraded =
                    format.upgradedTensors().stream().anyMatch(t -> t.trim().equals(tensor[0]));
            int plain = upgraded ? layers - moreBits : layers;
            if (kBody) {
                extra += (double) plain * weights * (fallback(format.bodyBits()) - format.bodyBits());
            }
            if (upgraded) {
                extra += (double) moreBits * weights * (fallback(format.upgradedBits()) - format.upgradedBits());
            }
        }
        boolean kEmbedding = format.embeddingBits() == 6.5625 || (kBody && format.embeddingBits() == format.bodyBits());
        if (kEmbedding && hidden % K_BLOCK != 0) {
            extra += embeddingWeights * (fallback(format.embeddingBits()) - format.embeddingBits());
        }
        return extra;
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
