package com.gemmavision.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import com.gemmavision.ReportFixture;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvCache;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdvisorTest {

    private final Advisor advisor = ReportFixture.advisor();
    private final GpuPresets gpus = ReportFixture.gpuPresets();

    private AdviceRequest on(String gpu, long context, long batch) {
        GpuPreset preset = gpus.byName(gpu).orElseThrow();
        return new AdviceRequest(
                preset,
                preset.memoryGib(),
                1,
                context,
                batch,
                KvDtype.BF16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA);
    }

    private FitOption option(Advice advice, String model, String quant) {
        return advice.options().stream()
                .filter(o -> o.model().equals(model) && o.format().code().equals(quant))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void fitsEveryInstructionTunedModelInEveryFormat() {
        Advice advice = advisor.advise(on("NVIDIA L4", 32_768, 1));

        assertThat(advice.options()).hasSize(16);
        assertThat(advice.options())
                .extracting(FitOption::model)
                .containsOnly("Gemma3-1B-IT", "Gemma3-4B-IT", "Gemma3-12B-IT", "Gemma3-27B-IT");
    }

    @Test
    void anOptionFitsWhenItsTotalStaysWithinTheUsableMemory() {
        Advice advice = advisor.advise(on("NVIDIA L4", 32_768, 1));

        for (FitOption option : advice.options()) {
            assertThat(option.fits())
                    .as(option.model() + " " + option.format().code())
                    .isEqualTo(option.estimate().totalBytes() <= option.usableBytes());
        }
        assertThat(option(advice, "Gemma3-27B-IT", "bf16").fits()).isFalse();
        assertThat(option(advice, "Gemma3-4B-IT", "bf16").fits()).isTrue();
    }

    @Test
    void theLongestContextIsTheLargestThatStillFits() {
        Advice advice = advisor.advise(on("NVIDIA L4", 32_768, 1));
        FitOption option = option(advice, "Gemma3-27B-IT", "int4");
        long room = option.usableBytes()
                - option.estimate().weightsBytes()
                - option.estimate().overheadBytes();
        var architecture = ReportFixture.catalog().architecture("Gemma3-27B");

        assertThat(option.maxContext()).isNotNull();
        assertThat(KvCache.bytes(architecture, option.maxContext(), 1, KvDtype.BF16, true))
                .isLessThanOrEqualTo(room);
        assertThat(KvCache.bytes(architecture, option.maxContext() + 1, 1, KvDtype.BF16, true))
                .isGreaterThan(room);
    }

    @Test
    void theLargestBatchIsTheLastThatFits() {
        Advice advice = advisor.advise(on("NVIDIA A100 80GB", 32_768, 1));
        FitOption option = option(advice, "Gemma3-12B-IT", "sfp8");
        long perSequence = option.estimate().kvCacheBytes();
        long room = option.usableBytes()
                - option.estimate().weightsBytes()
                - option.estimate().overheadBytes();

        assertThat(option.maxBatch()).isEqualTo(room / perSequence);
        assertThat(advisor.advise(on("NVIDIA A100 80GB", 32_768, option.maxBatch())).options().stream()
                        .filter(o -> o.model().equals("Gemma3-12B-IT")
                                && o.format().code().equals("sfp8"))
                        .findFirst()
                        .orElseThrow()
                        .fits())
                .isTrue();
        assertThat(advisor.advise(on("NVIDIA A100 80GB", 32_768, option.maxBatch() + 1)).options().stream()
                        .filter(o -> o.model().equals("Gemma3-12B-IT")
                                && o.format().code().equals("sfp8"))
                        .findFirst()
                        .orElseThrow()
                        .fits())
                .isFalse();
    }

    @Test
    void boundsFollowBandwidthAndCompute() {
        Advice advice = advisor.advise(on("NVIDIA H100 80GB", 4096, 2));
        FitOption option = option(advice, "Gemma3-4B-IT", "bf16");
        // decode: 2 sequences x 3,350 GB/s / (text weights (675 + 3,209) M x 2 bytes + KV cache of both)
        double bytesPerStep = (675 + 3209) * 1e6 * 2 + option.estimate().kvCacheBytes();
        // prefill: 2 x text parameters x 4,096 tokens x 2 sequences / 989 TFLOPs
        double prefill = 2 * (675 + 3209) * 1e6 * 4096 * 2 / 989e12;

        assertThat(option.decodeTokensPerSecondBound()).isCloseTo(2 * 3350e9 / bytesPerStep, within(1e-6));
        assertThat(option.prefillSecondsBound()).isCloseTo(prefill, within(1e-9));
    }

    /**
     * FP8 (W8A8) weights run their products on FP8 tensor cores where the GPU has them: the H100's dense FP8 peak
     * is 1,979 TFLOPs (3,958 with sparsity on its datasheet), twice its bf16 989. The A100 has none, so FP8 weights
     * there prefill at the bf16 peak (312), and weight-only formats (AWQ) dequantize to bf16 on every GPU.
     */
    @Test
    void fp8WeightsPrefillAtTheFp8PeakWhereTheGpuHasOne() {
        double flopsPerRun = 2 * (675 + 3209) * 1e6 * 4096 * 2;
        Advice h100 = advisor.advise(on("NVIDIA H100 80GB", 4096, 2).with(Engine.VLLM));
        assertThat(option(h100, "Gemma3-4B-IT", "fp8").prefillSecondsBound())
                .isCloseTo(flopsPerRun / 1979e12, within(1e-9));
        assertThat(option(h100, "Gemma3-4B-IT", "awq-int4").prefillSecondsBound())
                .isCloseTo(flopsPerRun / 989e12, within(1e-9));
        Advice a100 = advisor.advise(on("NVIDIA A100 80GB", 4096, 2).with(Engine.VLLM));
        assertThat(option(a100, "Gemma3-4B-IT", "fp8").prefillSecondsBound())
                .isCloseTo(flopsPerRun / 312e12, within(1e-9));
    }

    @Test
    void aGpuWithoutAPublishedComputeFigureHasNoPrefillBound() {
        Advice advice = advisor.advise(on("Apple M3 Max 128GB", 8192, 1));

        assertThat(advice.options())
                .allSatisfy(o -> assertThat(o.prefillSecondsBound()).isNull());
        assertThat(advice.options())
                .allSatisfy(o -> assertThat(o.decodeTokensPerSecondBound()).isPositive());
    }

    @Test
    void the1BCannotTakeA128KContext() {
        Advice advice = advisor.advise(on("NVIDIA H200", 131_072, 1));

        assertThat(advice.options())
                .filteredOn(o -> o.model().equals("Gemma3-1B-IT"))
                .allSatisfy(o -> {
                    assertThat(o.contextSupported()).isFalse();
                    assertThat(o.fits()).isFalse();
                });
    }

    @Test
    void recommendsTheBestDocumentModelThatFitsInItsMostPreciseFormat() {
        Advice advice = advisor.advise(on("NVIDIA L4", 32_768, 1));

        // 12B-IT has the best DocVQA (87.1, Table 16); bf16 does not fit in 24 GiB, SFP8 does.
        assertThat(advice.recommended().model()).isEqualTo("Gemma3-12B-IT");
        assertThat(advice.recommended().format().code()).isEqualTo("sfp8");
        assertThat(advice.reasoning())
                .contains("DocVQA score of 87.1")
                .contains("Table 16")
                .contains("NVIDIA L4");
    }

    @Test
    void rankingByAnotherBenchmarkCanChangeTheChoice() {
        GpuPreset h200 = gpus.byName("NVIDIA H200").orElseThrow();
        AdviceRequest request = new AdviceRequest(
                h200,
                h200.memoryGib(),
                1,
                32_768,
                1,
                KvDtype.BF16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.INFOVQA);

        Advice advice = advisor.advise(request);

        assertThat(advice.recommended().model()).isEqualTo("Gemma3-27B-IT");
        assertThat(advice.recommended().format().code()).isEqualTo("bf16");
    }

    @Test
    void saysWhenNothingFits() {
        AdviceRequest tiny = new AdviceRequest(
                null,
                1,
                1,
                32_768,
                1,
                KvDtype.BF16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA);

        Advice advice = advisor.advise(tiny);

        assertThat(advice.recommended()).isNull();
        assertThat(advice.reasoning())
                .startsWith("No option fits a 1 GiB GPU")
                .contains("the smallest, Gemma3-1B-IT in Int4");
        assertThat(advice.options())
                .allSatisfy(o -> assertThat(o.decodeTokensPerSecondBound()).isNull());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void rendersAdviceForEveryPreset(String gpu) {
        Advice advice = advisor.advise(on(gpu, 32_768, 1));

        assertThat(advice.options()).hasSize(16);
        assertThat(advice.reasoning()).contains(gpu);
    }

    static Stream<String> presets() {
        return ReportFixture.gpuPresets().all().stream().map(GpuPreset::gpu);
    }

    /**
     * The fit plan of 27B in Int4 on an L4: users per context from the same memory rule as the advice, and the
     * first-token time from Table 1's text parameters (1,416M embedding + 25,600M non-embedding) and the L4's
     * 121 bf16 TFLOP/s: 2 × 27.016e9 × 32,768 ÷ 121e12 = 14.63 s alone.
     */
    @Test
    void aFitPlanGivesUsersPerContextAndTheFirstTokenTimeEachSees() {
        AdviceRequest request = on("NVIDIA L4", 20_000, 1);
        FitOption int4 = option(advisor.advise(request), "Gemma3-27B-IT", "int4");

        List<Advisor.FitPlanRow> plan = advisor.fitPlan(request, "Gemma3-27B-IT", int4.format());

        assertThat(plan)
                .extracting(Advisor.FitPlanRow::context)
                .containsExactly(4_096L, 8_192L, 16_384L, 20_000L, 32_768L, 65_536L, 131_072L);
        Advisor.FitPlanRow at32k =
                plan.stream().filter(r -> r.context() == 32_768).findFirst().orElseThrow();
        assertThat(at32k.ttftAloneSeconds()).isCloseTo(2 * 27.016e9 * 32_768 / 121e12, within(1e-9));
        assertThat(at32k.ttftLastSeconds()).isCloseTo(at32k.users() * at32k.ttftAloneSeconds(), within(1e-9));
        // users at a context are what the advice itself allows at that context for one sequence each
        FitOption asked = option(advisor.advise(on("NVIDIA L4", 32_768, 1)), "Gemma3-27B-IT", "int4");
        assertThat(at32k.users()).isEqualTo(asked.maxBatch()).isPositive();
        // longer contexts never fit more users, and each user decodes no faster with more of them
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).users()).isLessThanOrEqualTo(plan.get(i - 1).users());
            assertThat(plan.get(i).kvBytesPerUser())
                    .isGreaterThanOrEqualTo(plan.get(i - 1).kvBytesPerUser());
        }
        // where no user fits (128K beside 27B Int4 on an L4), nobody waits for a first token
        Advisor.FitPlanRow at128k = plan.get(plan.size() - 1);
        assertThat(at128k.users()).isZero();
        assertThat(at128k.ttftAloneSeconds()).isNull();
        assertThat(at128k.ttftLastSeconds()).isNull();
        // the 1B model reads at most 32K tokens: its plan stops there
        FitOption small = option(advisor.advise(request), "Gemma3-1B-IT", "bf16");
        assertThat(advisor.fitPlan(request, "Gemma3-1B-IT", small.format()))
                .extracting(Advisor.FitPlanRow::context)
                .last()
                .isEqualTo(32_768L);
    }

    private AdviceRequest onLlamaCpp(String gpu, long context) {
        GpuPreset preset = gpus.byName(gpu).orElseThrow();
        return new AdviceRequest(
                preset,
                preset.memoryGib(),
                1,
                context,
                1,
                KvDtype.F16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                com.gemmavision.memory.Engine.LLAMACPP);
    }

    /**
     * 27B in Q4_K_M with a 1B Q8_0 draft on llama.cpp at 32,768 tokens. On the default cache (speculation works on
     * it: ggml-org/llama.cpp#13833, #18720) the 27B keeps what it keeps without a draft. With --swa-full, the larger
     * option, every one of the 27B's 62 layers keeps all 32,768 tokens (62 × 32,768 × 2 × 16 KV heads × 128 dims × 2
     * bytes = 16,642,998,272) and so does each of the 1B's 26 layers (26 × 32,768 × 2 × 1 × 256 × 2 = 872,415,232);
     * the 1B Q8_0 file is 1.07 GB (ggml-org/gemma-3-1b-it-GGUF).
     */
    @Test
    void aDraftModelCountsBothModelsOnTheDefaultCacheWithTheFullSlidingWindowCacheBeside() {
        AdviceRequest request = onLlamaCpp("NVIDIA A100 80GB", 32_768);
        FitOption target = option(advisor.advise(request), "Gemma3-27B-IT", "q4_k_m");

        Advisor.DraftPlan plan = advisor.draftPlan(request, target).orElseThrow();

        assertThat(plan.swaFull()).isFalse();
        assertThat(plan.targetKvBytes()).isEqualTo(target.estimate().kvCacheBytes());
        assertThat(plan.targetKvSwaFullBytes()).isEqualTo(16_642_998_272L).isGreaterThan(plan.targetKvBytes());
        assertThat(plan.draftKvSwaFullBytes()).isEqualTo(872_415_232L).isGreaterThan(plan.draftKvBytes());
        assertThat(plan.totalSwaFullBytes())
                .isEqualTo(plan.totalBytes()
                        + plan.targetKvSwaFullBytes()
                        - plan.targetKvBytes()
                        + plan.draftKvSwaFullBytes()
                        - plan.draftKvBytes());
        assertThat((double) plan.draftWeightsBytes())
                .isCloseTo(1.07e9, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(plan.totalBytes())
                .isEqualTo(plan.targetWeightsBytes()
                        + plan.targetKvBytes()
                        + plan.overheadBytes()
                        + plan.draftWeightsBytes()
                        + plan.draftKvBytes());
        assertThat(plan.fits()).isTrue();
        assertThat(com.gemmavision.advisor.LaunchCommand.withDraft(request, target))
                .doesNotContain("--swa-full")
                .contains("-md gemma-3-1b-it-Q8_0.gguf --spec-type draft-simple")
                .contains("--spec-draft-n-max 16");
        // chosen on the --swa-full engine, the plan and the command follow it
        Advisor.DraftPlan full = advisor.draftPlan(
                        request.with(com.gemmavision.memory.Engine.LLAMACPP_SWA_FULL), target)
                .orElseThrow();
        assertThat(full.swaFull()).isTrue();
        assertThat(full.targetKvBytes()).isEqualTo(16_642_998_272L);
        // vLLM gets no draft plan here, nor does the 1B model itself
        assertThat(advisor.draftPlan(on("NVIDIA A100 80GB", 32_768, 1), target)).isEmpty();
        FitOption small = option(advisor.advise(request), "Gemma3-1B-IT", "q8_0");
        assertThat(advisor.draftPlan(request, small)).isEmpty();
    }
}
