package com.gemmavision.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.ReportFixture;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;

import org.junit.jupiter.api.Test;

/** The launch command carries the numbers the advice was computed with, so the engine allocates what we say. */
class LaunchCommandTest {

    private final Advisor advisor = ReportFixture.advisor();
    private final GpuPresets gpus = ReportFixture.gpuPresets();

    private AdviceRequest request(Engine engine, KvDtype kv, int gpuCount, String gpu) {
        GpuPreset preset = gpus.byName(gpu).orElseThrow();
        return new AdviceRequest(
                preset,
                preset.memoryGib(),
                gpuCount,
                32_768,
                4,
                kv,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                engine);
    }

    @Test
    void ollamaSetsTheContextParallelRequestsAndKvTypeInTheServersEnvironmentAndRunsTheLibraryTag() {
        AdviceRequest request = request(Engine.OLLAMA, KvDtype.Q8_0, 1, "NVIDIA L4");
        Advice advice = advisor.advise(request);
        assertThat(advice.recommended()).isNotNull();
        String command = LaunchCommand.of(request, advice.recommended());
        String size = advice.recommended()
                .model()
                .replace("Gemma3-", "")
                .replace("-IT", "")
                .toLowerCase();
        assertThat(command)
                .startsWith("OLLAMA_CONTEXT_LENGTH=32768 OLLAMA_NUM_PARALLEL=4 OLLAMA_FLASH_ATTENTION=1"
                        + " OLLAMA_KV_CACHE_TYPE=q8_0 ollama serve &\nollama run gemma3:" + size)
                .contains("PARAMETER num_ctx 32768");
        assertThat(LaunchCommand.ollamaTag("12b", "qat-int4")).isEqualTo("gemma3:12b-it-qat");
        assertThat(LaunchCommand.ollamaTag("4b", "q4_k_m")).isEqualTo("gemma3:4b");
        assertThat(LaunchCommand.ollamaTag("27b", "bf16")).isEqualTo("gemma3:27b-it-fp16");
        // f16 needs no flash attention and sets no KV type
        AdviceRequest plain = request(Engine.OLLAMA, KvDtype.F16, 1, "NVIDIA L4");
        assertThat(LaunchCommand.of(plain, advisor.advise(plain).recommended()))
                .doesNotContain("OLLAMA_KV_CACHE_TYPE")
                .doesNotContain("FLASH");
        // Ollama loads what its library publishes: no AWQ, no FP8
        assertThat(advice.options())
                .allMatch(o -> List.of("bf16", "q4_k_m", "qat-int4", "q8_0")
                        .contains(o.format().code()));
    }

    @Test
    void vllmGetsTheContextBatchMemoryShareAndBatchedTokensTheAdviceUsed() {
        AdviceRequest request = request(Engine.VLLM, KvDtype.FP8, 2, "NVIDIA H100 80GB");
        Advice advice = advisor.advise(request);
        String command = LaunchCommand.of(request, advice.recommended());
        assertThat(command)
                .startsWith("vllm serve google/gemma-3-"
                        + advice.recommended()
                                .model()
                                .replace("Gemma3-", "")
                                .replace("-IT", "")
                                .toLowerCase()
                        + "-it \\\n")
                .contains("--max-model-len 32768", "--max-num-seqs 4", "--max-num-batched-tokens 8192")
                .contains("--gpu-memory-utilization 0.90", "--kv-cache-dtype fp8", "--tensor-parallel-size 2")
                .doesNotContain("--disable-hybrid-kv-cache-manager");
    }

    @Test
    void llamaCppGetsOneSlotPerSequenceAndTheCacheType() {
        AdviceRequest request = request(Engine.LLAMACPP_SWA_FULL, KvDtype.Q8_0, 1, "NVIDIA L4");
        Advice advice = advisor.advise(request);
        assertThat(advice.recommended()).isNotNull();
        assertThat(advice.options())
                .allMatch(o -> o.format().code().equals("bf16")
                        || o.format().code().startsWith("q")
                        || o.format().code().equals("qat-int4"));
        String command = LaunchCommand.of(request, advice.recommended());
        assertThat(command)
                .startsWith("llama-server")
                .contains("-c 131072", "-np 4", "-ub 512", "-ctk q8_0 -ctv q8_0", "-fa on", "--swa-full");
    }

    @Test
    void theIdealEngineHasNoCommand() {
        AdviceRequest request = request(Engine.IDEAL, KvDtype.BF16, 1, "NVIDIA L4");
        assertThat(LaunchCommand.of(request, advisor.advise(request).recommended()))
                .isNull();
    }

    /** Every AWQ option names a real checkpoint to download, never a placeholder to fill in. */
    @Test
    void anAwqOptionNamesARealCheckpoint() {
        AdviceRequest request = request(Engine.VLLM, KvDtype.BF16, 1, "NVIDIA T4");
        Advice advice = advisor.advise(request);
        java.util.List<FitOption> awq = advice.options().stream()
                .filter(o -> o.format().code().equals("awq-int4"))
                .toList();
        assertThat(awq).isNotEmpty();
        for (FitOption option : awq) {
            String size =
                    option.model().replace("Gemma3-", "").replace("-IT", "").toLowerCase();
            assertThat(LaunchCommand.of(request, option))
                    .startsWith("vllm serve gaunernst/gemma-3-" + size + "-it-int4-awq \\\n")
                    .doesNotContain("<", ">");
        }
    }

    /** A GGUF option of a model that reads images loads the projector by the name its publisher gives it. */
    @Test
    void aGgufOptionLoadsTheVisionProjectorByItsPublishedName() {
        AdviceRequest request = request(Engine.LLAMACPP, KvDtype.F16, 1, "NVIDIA A100 80GB");
        FitOption option = advisor.advise(request).options().stream()
                .filter(o ->
                        o.model().equals("Gemma3-4B-IT") && o.format().code().equals("q4_k_m"))
                .findFirst()
                .orElseThrow();
        assertThat(LaunchCommand.of(request, option))
                .contains("-m gemma-3-4b-it-Q4_K_M.gguf")
                .contains("--mmproj mmproj-model-f16.gguf");
    }
}
