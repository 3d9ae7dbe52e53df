package com.gemmavision.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.gemmavision.ReportFixture;
import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine's KV cache equals the conformance vectors: a grid of model x engine x context x batch x KV type
 * computed from architecture.csv by bench/engines/conformance.py, an independent writing of the same rules.
 */
class EngineKvCacheTest {

    private static final Catalog CATALOG = ReportFixture.catalog();

    record Vector(
            String model,
            Engine engine,
            long context,
            long batch,
            KvDtype dtype,
            long maxBatched,
            int globalLayers,
            long globalCells,
            int localLayers,
            long localCells,
            long bytes) {
        @Override
        public String toString() {
            return model + " " + engine.code() + " " + context + "×" + batch + " " + dtype.code()
                    + (engine == Engine.VLLM ? " mnbt " + maxBatched : "");
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = EngineKvCacheTest.class.getResourceAsStream("/engines/conformance-vectors.json")) {
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
                vectors.add(new Vector(
                        v.get("model").asString(),
                        Engine.byCode(v.get("engine").asString()).orElseThrow(),
                        v.get("context").asLong(),
                        v.get("batch").asLong(),
                        KvDtype.byCode(v.get("kvDtype").asString()).orElseThrow(),
                        v.get("vllmMaxBatchedTokens").asLong(),
                        v.get("globalLayers").asInt(),
                        v.get("globalCells").asLong(),
                        v.get("localLayers").asInt(),
                        v.get("localCells").asLong(),
                        v.get("bytes").asLong()));
            }
            return vectors;
        }
    }

    @Test
    void theGridCoversEveryEngineAndEveryKvTypeItOffers() throws IOException {
        List<Vector> vectors = vectors();
        for (Engine engine : Engine.values()) {
            for (KvDtype dtype : engine.kvDtypes()) {
                if (dtype == KvDtype.BF16 && engine.isLlamaCpp()) {
                    continue; // same bytes as f16
                }
                assertThat(vectors).as(engine + " " + dtype).anyMatch(v -> v.engine() == engine && v.dtype() == dtype);
            }
        }
        assertThat(vectors).hasSizeGreaterThan(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void allocatesWhatTheConformanceVectorSays(Vector v) {
        KvAllocation allocation = EngineKvCache.allocate(
                CATALOG.architecture(v.model()),
                v.engine(),
                v.context(),
                v.batch(),
                v.dtype(),
                true,
                new EngineSettings(16, v.maxBatched(), 512, 1));
        assertThat(allocation.globalLayers()).isEqualTo(v.globalLayers());
        assertThat(allocation.globalCells()).isEqualTo(v.globalCells());
        assertThat(allocation.localLayers()).isEqualTo(v.localLayers());
        assertThat(allocation.localCells()).isEqualTo(v.localCells());
        assertThat(allocation.bytes()).isEqualTo(v.bytes());
    }

    @Test
    void idealEqualsTheReportFormulaAndTheOthersNeverKeepLess() throws IOException {
        for (Vector v : vectors()) {
            if (v.engine() == Engine.IDEAL) {
                assertThat(v.bytes())
                        .isEqualTo(KvCache.bytes(
                                CATALOG.architecture(v.model()), v.context(), v.batch(), v.dtype(), true));
            }
        }
        Architecture big = CATALOG.architecture("Gemma3-27B");
        long ideal = EngineKvCache.allocate(big, Engine.IDEAL, 32_768, 1, KvDtype.BF16, true, EngineSettings.DEFAULT)
                .bytes();
        for (Engine engine : List.of(Engine.VLLM, Engine.VLLM_NO_HYBRID)) {
            assertThat(EngineKvCache.allocate(big, engine, 32_768, 1, KvDtype.BF16, true, EngineSettings.DEFAULT)
                            .bytes())
                    .isGreaterThan(ideal);
        }
    }

    /**
     * Ollama's own Gemma 3 cache, derived by hand from kvcache/causal.go: the 12B at num_ctx 32,768 with two
     * requests in parallel, f16. A cell is 2 × 8 KV heads × 256 × 2 bytes = 8,192 bytes. Causal layers: pad(2 ×
     * 32,768, 256) = 65,536 cells × 8 layers × 8,192 = 4,294,967,296 bytes. Sliding layers: pad(2 × 1,024 + 512,
     * 256) = 2,560 cells × 40 layers × 8,192 = 838,860,800 bytes. Below the window (1B, window 512, num_ctx 300)
     * both caches keep pad(300, 256) = 512 cells.
     */
    @Test
    void ollamaSharesOneSlidingWindowPoolAmongItsParallelRequests() {
        KvAllocation twelve = EngineKvCache.allocate(
                CATALOG.architecture("Gemma3-12B"),
                Engine.OLLAMA,
                32_768,
                2,
                KvDtype.F16,
                true,
                EngineSettings.DEFAULT);
        assertThat(twelve.globalCells()).isEqualTo(65_536);
        assertThat(twelve.localCells()).isEqualTo(2_560);
        assertThat(twelve.bytes()).isEqualTo(4_294_967_296L + 838_860_800L);
        assertThat(twelve.rule()).contains("pad(2 × window 1024 + num_batch 512, 256) = 2560 cells");

        KvAllocation small = EngineKvCache.allocate(
                CATALOG.architecture("Gemma3-1B"), Engine.OLLAMA, 300, 1, KvDtype.F16, true, EngineSettings.DEFAULT);
        assertThat(small.globalCells()).isEqualTo(512);
        assertThat(small.localCells()).isEqualTo(512);
        assertThat(small.bytes()).isEqualTo(512L * 26 * 1_024);
        assertThatThrownBy(() -> EngineKvCache.allocate(
                        CATALOG.architecture("Gemma3-1B"),
                        Engine.OLLAMA,
                        300,
                        1,
                        KvDtype.BF16,
                        true,
                        EngineSettings.DEFAULT))
                .hasMessageContaining("f16, q8_0 or q4_0");
    }

    @Test
    void llamaCppPrintsTheLinesItsLogShows() {
        // 27B, -c 32768 -np 1, f16: 10 x 32,768 cells x 8,192 bytes = 2,560 MiB; 52 x 1,536 x 8,192 = 624 MiB
        KvAllocation allocation = EngineKvCache.allocate(
                CATALOG.architecture("Gemma3-27B"),
                Engine.LLAMACPP,
                32_768,
                1,
                KvDtype.F16,
                true,
                EngineSettings.DEFAULT);
        assertThat(allocation.checks())
                .containsExactly(
                        "llama_kv_cache_iswa: creating non-SWA KV cache, size = 32768 cells",
                        "llama_kv_cache: size = 2560.00 MiB ( 32768 cells,  10 layers,  1/1 seqs), K (f16): 1280.00 MiB, V (f16): 1280.00 MiB",
                        "llama_kv_cache_iswa: creating     SWA KV cache, size = 1536 cells",
                        "llama_kv_cache: size =  624.00 MiB (  1536 cells,  52 layers,  1/1 seqs), K (f16):  312.00 MiB, V (f16):  312.00 MiB");
    }

    @Test
    void vllmLogsTheTokensItsPagesHold() {
        Architecture big = CATALOG.architecture("Gemma3-27B");
        EngineSettings settings = new EngineSettings(16, 2048, 512, 1);
        KvAllocation allocation = EngineKvCache.allocate(big, Engine.VLLM, 32_768, 1, KvDtype.BF16, true, settings);
        // page: 16 tokens x 8,192 bytes = 131,072 bytes; a group of 10 layers takes 1,310,720 bytes a page.
        // A request needs 2,048 pages (global) + 6 groups x 193 pages (sliding) = 3,206 pages.
        // 10 GiB hold 8,192 pages: 2.56x concurrency, 8,192 x 32,768 / 3,206 = 83,729 tokens.
        assertThat(EngineKvCache.vllmLog(allocation, big, 32_768, 10L << 30, settings))
                .containsExactly(
                        "Available KV cache memory: 10.00 GiB",
                        "GPU KV cache size: 83,729 tokens, Maximum concurrency for 32,768 tokens per request:"
                                + " 2.56x   (vLLM with PR #50462 (July 2026) and later: N = maximum concurrency ×"
                                + " max_model_len)",
                        "GPU KV cache size: 18,720 tokens   (vLLM before PR #50462, e.g. 0.19: 8,192 blocks ÷ 7 KV"
                                + " cache groups × 16)",
                        "Maximum concurrency for 32,768 tokens per request: 2.56x   (vLLM before PR #50462, e.g."
                                + " 0.19)");
    }

    /**
     * The figure from the issue, computed independently: 27B bf16 on one H100 at 32K with vLLM's defaults
     * (max_num_batched_tokens 8,192) prints 96,954 tokens since PR #50462 and 37,264 before it. A sliding group
     * reserves cdiv(1,023 + 8,192, 16) + 1 = 577 pages, so a request needs 2,048 + 6 × 577 = 5,510 pages, and
     * 96,954 tokens are about 16,303 blocks; the old line divides the blocks among 7 groups instead:
     * 16,303 // 7 × 16 = 37,264.
     */
    @Test
    void vllmsTwoMeaningsOfTheCacheSizeLineDifferByTheRatioOfTheirFormulas() {
        Architecture big = CATALOG.architecture("Gemma3-27B");
        EngineSettings settings = new EngineSettings(16, 8192, 512, 1);
        KvAllocation allocation = EngineKvCache.allocate(big, Engine.VLLM, 32_768, 1, KvDtype.BF16, true, settings);
        long budget = 16_303 * 1_310_720L;
        List<String> log = EngineKvCache.vllmLog(allocation, big, 32_768, budget, settings);
        assertThat(log.get(1)).startsWith("GPU KV cache size: 96,954 tokens");
        assertThat(log.get(2)).startsWith("GPU KV cache size: 37,264 tokens");
        // without the hybrid manager there is one group, and both versions print the same N
        KvAllocation flat = EngineKvCache.allocate(big, Engine.VLLM_NO_HYBRID, 32_768, 1, KvDtype.BF16, true, settings);
        List<String> flatLog = EngineKvCache.vllmLog(flat, big, 32_768, 10L << 30, settings);
        assertThat(flatLog.get(1).substring(0, flatLog.get(1).indexOf(" tokens")))
                .isEqualTo(flatLog.get(2).substring(0, flatLog.get(2).indexOf(" tokens")));
        assertThat(flatLog.get(2)).contains("÷ 1 KV cache group × 16");
    }

    @Test
    void tensorParallelFollowsVllmsHeadRules() {
        Architecture one = CATALOG.architecture("Gemma3-1B");
        assertThat(EngineKvCache.tensorParallelProblem(one, Engine.VLLM, 3))
                .hasValueSatisfying(m -> assertThat(m).contains("4 attention heads"));
        assertThat(EngineKvCache.tensorParallelProblem(one, Engine.VLLM, 2)).isEmpty();
        assertThat(EngineKvCache.tensorParallelProblem(one, Engine.LLAMACPP, 3)).isEmpty();
        // 1B has one KV head: on 2 GPUs vLLM stores it on both
        assertThat(EngineKvCache.replication(one, Engine.VLLM, 2)).isEqualTo(2);
        assertThat(EngineKvCache.replication(CATALOG.architecture("Gemma3-27B"), Engine.VLLM, 2))
                .isEqualTo(1);
    }

    @Test
    void refusesAKvTypeTheEngineDoesNotOffer() {
        assertThatThrownBy(() -> EngineKvCache.allocate(
                        CATALOG.architecture("Gemma3-4B"),
                        Engine.VLLM,
                        4096,
                        1,
                        KvDtype.Q4_0,
                        true,
                        EngineSettings.DEFAULT))
                .hasMessageContaining("bf16 or fp8");
    }

    @Test
    void vllmsDefaultBatchedTokensDependOnTheGpu() {
        assertThat(EngineSettings.forGpu(80, "NVIDIA H100 80GB", 1).vllmMaxBatchedTokens())
                .isEqualTo(8192);
        assertThat(EngineSettings.forGpu(80, "NVIDIA A100 80GB", 1).vllmMaxBatchedTokens())
                .isEqualTo(2048);
        assertThat(EngineSettings.forGpu(24, "NVIDIA L4", 1).vllmMaxBatchedTokens())
                .isEqualTo(2048);
    }

    @Test
    void decodingReadsTheWindowOnEveryRealEngineWhateverItReserves() {
        Architecture big = CATALOG.architecture("Gemma3-27B");
        long windowed = KvCache.bytes(big, 32_768, 2, KvDtype.BF16, true);
        for (Engine engine : List.of(Engine.VLLM_NO_HYBRID, Engine.LLAMACPP_SWA_FULL, Engine.HF_TRANSFORMERS)) {
            assertThat(EngineKvCache.readBytes(big, engine, 32_768, 2, KvDtype.BF16, false))
                    .isEqualTo(windowed);
        }
        // the ideal engine follows its switch: without the window every layer reads the whole context
        assertThat(EngineKvCache.readBytes(big, Engine.IDEAL, 32_768, 2, KvDtype.BF16, false))
                .isEqualTo(KvCache.bytes(big, 32_768, 2, KvDtype.BF16, false))
                .isGreaterThan(windowed);
    }
}
