package com.gemmavision.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gemmavision.ReportFixture;
import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ParameterCount;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class WeightBytesTest {

    private final Catalog catalog = ReportFixture.catalog();

    private ParameterCount params(String model) {
        return catalog.parameterCounts().stream()
                .filter(p -> p.model().equals(model))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The 12B and 27B figures land within a few percent of Table 3 in every format. The smaller models' quantized
     * cells are larger than 4 bits a weight allows (the 1B's Int4 blocks=32 cell implies its embeddings kept at
     * 8 bits), so they are shown beside ours on the advisor page rather than asserted here.
     */
    @Test
    void landsWithinAFewPercentOfTable3ForTheLargerModels() {
        for (CSVRecord row : ReportFixture.seed("t03_memory_footprint_gb.csv")) {
            if (Boolean.parseBoolean(row.get("includes_kv_cache"))
                    || !row.get("model").matches("Gemma3-(12|27)B")) {
                continue;
            }
            String model = row.get("model");
            Architecture architecture = catalog.architecture(model);
            for (String[] format :
                    new String[][] {{"bf16", "bf16"}, {"int4", "int4"}, {"int4-b32", "int4_blocks32"}, {"sfp8", "sfp8"}
                    }) {
                double ours =
                        WeightBytes.bytes(params(model), architecture, format[0], WeightBytes.Options.DEFAULT) / 1e9;
                double report = Double.parseDouble(row.get(format[1]));
                assertThat(ours).as(model + " " + format[0]).isCloseTo(report, within(report * 0.08));
            }
        }
    }

    @Test
    void computesBf16AndSfp8FromTheParameterCountsExactly() {
        Architecture big = catalog.architecture("Gemma3-27B");

        assertThat(WeightBytes.bytes(params("Gemma3-27B"), big, "bf16", WeightBytes.Options.DEFAULT))
                .isEqualTo(27_433_000_000L * 2);
        // SFP8 with Table 3's convention: the 417M-parameter vision encoder stays in bf16
        assertThat(WeightBytes.bytes(params("Gemma3-27B"), big, "sfp8", WeightBytes.Options.DEFAULT))
                .isEqualTo(27_433_000_000L + 417_000_000L);
        assertThat(WeightBytes.bytes(params("Gemma3-27B"), big, "sfp8", new WeightBytes.Options(false, false, true)))
                .isEqualTo(27_433_000_000L);
    }

    /**
     * Table 3 counts the vision encoder in bf16 in every format: the 4B's Int4 cell reads 2.6 GB, ours with the
     * encoder in bf16 2.78 GB, and with the encoder quantized too 2.15 GB (what the app defaulted to before).
     */
    @Test
    void theDefaultKeepsTheVisionEncoderInBf16AsTable3Does() {
        Architecture mid = catalog.architecture("Gemma3-4B");
        ParameterCount p = params("Gemma3-4B");
        double report = 2.6;
        double byDefault = WeightBytes.bytes(p, mid, "int4", WeightBytes.Options.DEFAULT) / 1e9;
        double quantizedToo = WeightBytes.bytes(p, mid, "int4", new WeightBytes.Options(false, false, true)) / 1e9;
        assertThat(byDefault).isCloseTo(2.78, within(0.01));
        assertThat(quantizedToo).isCloseTo(2.15, within(0.01));
        assertThat(Math.abs(byDefault - report)).isLessThan(Math.abs(quantizedToo - report));
    }

    @Test
    void blocksOf32AddOneBf16ScalePer32Weights() {
        Architecture small = catalog.architecture("Gemma3-1B");
        long weights = 1_000_000_000L;

        // 4 bits a weight + 16 bits per 32 weights = 4.5 bits = 0.5625 bytes
        assertThat(WeightBytes.bytes(params("Gemma3-1B"), small, "int4-b32", WeightBytes.Options.DEFAULT))
                .isEqualTo(weights * 9 / 16);
    }

    @Test
    void perChannelScalesAreOnePerOutputChannel() {
        Architecture small = catalog.architecture("Gemma3-1B");
        // per layer: q 4x256 + k,v 2x1x256 + o 1152 + gate, up 2x6912 + down 1152 = 17,664 channels; 26 layers
        assertThat(WeightBytes.bodyChannels(small)).isEqualTo(17_664L * 26);
        long expected = 1_000_000_000L / 2 + (17_664L * 26 + 262_144) * 2;

        assertThat(WeightBytes.bytes(params("Gemma3-1B"), small, "int4", WeightBytes.Options.DEFAULT))
                .isEqualTo(expected);
    }

    @Test
    void textOnlyDropsTheVisionEncoderAndBf16ExtrasKeepItAndTheEmbeddingsAt16Bits() {
        Architecture mid = catalog.architecture("Gemma3-4B");
        ParameterCount p = params("Gemma3-4B");

        long all = WeightBytes.bytes(p, mid, "sfp8", new WeightBytes.Options(false, false, true));
        long textOnly = WeightBytes.bytes(p, mid, "sfp8", new WeightBytes.Options(true, false, true));
        long extras = WeightBytes.bytes(p, mid, "sfp8", new WeightBytes.Options(false, true, true));

        assertThat(all - textOnly).isEqualTo(417_000_000L);
        assertThat(extras - all).isEqualTo(417_000_000L + 675_000_000L);
    }

    private static WeightFormat format(String code) {
        for (CSVRecord row : ReportFixture.seed("weight_formats.csv")) {
            if (row.get("code").equals(code)) {
                return new WeightFormat(
                        code,
                        row.get("label"),
                        java.util.List.of(),
                        Double.parseDouble(row.get("body_bits")),
                        Double.parseDouble(row.get("embedding_bits")),
                        Double.parseDouble(row.get("vision_bits")),
                        row.get("upgraded_tensors").isBlank()
                                ? java.util.List.of()
                                : java.util.List.of(row.get("upgraded_tensors").split(";")),
                        row.get("upgraded_bits").isBlank() ? null : Double.parseDouble(row.get("upgraded_bits")),
                        row.get("kept_higher"),
                        row.get("source"),
                        0);
            }
        }
        throw new IllegalArgumentException(code);
    }

    /**
     * The 1B's hidden size, 1152, is not a multiple of a K-quant's 256-weight block, so llama.cpp's quantizer
     * falls back on every tensor that reads it (Q4_K → Q5_0, Q6_K → Q8_0, the tied embedding Q8_0). Independent
     * figures: the published GGUF files of gemma-3-1b-it, Q4_K_M 806 MB and Q6_K 1.01 GB (text only: the 1B
     * reads no images). Without the fallback the app said 0.668 and 0.820 GB.
     */
    @Test
    void theOneBillionModelsKQuantsFallBackWhereItsHiddenSizeIsNotAMultipleOf256() {
        Architecture oneB = catalog.architecture("Gemma3-1B");
        WeightBytes.Options textOnly = new WeightBytes.Options(true, false);
        assertThat(WeightBytes.bytes(params("Gemma3-1B"), oneB, format("q4_k_m"), textOnly) / 1e9)
                .isCloseTo(0.806, within(0.806 * 0.02));
        assertThat(WeightBytes.bytes(params("Gemma3-1B"), oneB, format("q6_k"), textOnly) / 1e9)
                .isCloseTo(1.01, within(1.01 * 0.02));
    }

    /**
     * GGUF Q5_K_M (migration V25) against the published files of ggml-org's and the community's gemma-3 GGUF
     * repositories, text weights only (the vision projector is its own file): 1B 0.851 GB (its 1152-wide tensors fall
     * back to Q5_1 and Q8_0), 12B 8.44 GB, 27B 19.3 GB.
     */
    @Test
    void ggufQ5KMMatchesThePublishedFiles() {
        WeightBytes.Options textOnly = new WeightBytes.Options(true, false);
        java.util.Map<String, Double> published =
                java.util.Map.of("Gemma3-1B", 0.851, "Gemma3-12B", 8.44, "Gemma3-27B", 19.3);
        WeightFormat q5 = ReportFixture.formats().download("q5_k_m").orElseThrow();
        published.forEach((model, gb) -> assertThat(
                        WeightBytes.bytes(params(model), catalog.architecture(model), q5, textOnly) / 1e9)
                .as(model)
                .isCloseTo(gb, within(gb * 0.02)));
    }

    @Test
    void modelsWhoseWidthsAreMultiplesOf256HaveNoFallback() {
        for (String model : java.util.List.of("Gemma3-4B", "Gemma3-12B", "Gemma3-27B")) {
            for (String code : java.util.List.of("q4_k_m", "q6_k", "q4_0", "q8_0")) {
                assertThat(WeightBytes.fallbackBits(catalog.architecture(model), format(code), 1e9))
                        .as(model + " " + code)
                        .isZero();
            }
        }
        // formats of 32-weight blocks fit 1152 too: only the tied embedding's Q6_K falls back
        Architecture oneB = catalog.architecture("Gemma3-1B");
        assertThat(WeightBytes.fallbackBits(oneB, format("q8_0"), 1e9)).isZero();
        assertThat(WeightBytes.fallbackBits(oneB, format("q4_0"), 1e9)).isEqualTo(1e9 * (8.5 - 6.5625));
    }
}
