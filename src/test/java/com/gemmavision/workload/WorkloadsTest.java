package com.gemmavision.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import com.gemmavision.ReportFixture;
import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.GpuPreset;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;

import org.junit.jupiter.api.Test;

class WorkloadsTest {

    private final Workloads workloads = new Workloads(
            ReportFixture.catalog(),
            ReportFixture.memoryModel(),
            new MeasurementRepository(ReportFixture.jdbc()),
            ReportFixture.sizing());

    private AdviceRequest on(String gpu, Engine engine, KvDtype kv) {
        GpuPreset preset = ReportFixture.gpuPresets().byName(gpu).orElseThrow();
        return new AdviceRequest(
                preset,
                preset.memoryGib(),
                1,
                1,
                1,
                kv,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                engine);
    }

    private WorkloadRequest document(
            AdviceRequest on, String model, String quant, long tokens, long batch, BigDecimal price) {
        return new WorkloadRequest(on, model, quant, tokens, 0, true, null, 512, batch, price);
    }

    @Test
    void everyPublishedMeasurementStaysUnderItsOwnBound() {
        var calibration = workloads.calibrate(Engine.LLAMACPP, 1);
        assertThat(calibration).hasSize(4);
        // a measurement above the bound would mean the bound is not one
        assertThat(calibration).allSatisfy(c -> assertThat(c.efficiency()).isBetween(0.2, 1.0));
    }

    @Test
    void aDocumentOnLlamaCppGetsABoundATypicalRangeAndACostFromTheTypedPrice() {
        Workload w = workloads.compute(document(
                on("NVIDIA RTX 4090", Engine.LLAMACPP, KvDtype.F16),
                "Gemma3-12B-IT",
                "q4_k_m",
                2_000,
                1,
                new BigDecimal("0.80")));
        assertThat(w.fits()).isTrue();
        assertThat(w.batch()).isEqualTo(1);
        assertThat(w.context()).isEqualTo(2_512);
        assertThat(w.decodeTypical().high()).isLessThanOrEqualTo(w.decodeBound());
        assertThat(w.documentsPerHourTypical().high()).isLessThanOrEqualTo(w.documentsPerHour());
        // cost = price x 1,000 / documents per hour
        assertThat(w.costPer1000()).isCloseTo(0.80 * 1000 / w.documentsPerHour(), within(1e-9));
        assertThat(w.costPer1000Typical().low()).isGreaterThanOrEqualTo(w.costPer1000());
        // prefill: 2 x (1,012 + 10,759) M text parameters x 2,000 tokens / 165 TFLOP/s
        assertThat(w.prefillSecondsPerDocument()).isCloseTo(2 * 11_771e6 * 2_000 / 165e12, within(1e-3));
    }

    @Test
    void withoutAPriceThereIsNoCost() {
        Workload w = workloads.compute(
                document(on("NVIDIA L4", Engine.VLLM, KvDtype.BF16), "Gemma3-4B-IT", "bf16", 3_000, 256, null));
        assertThat(w.fits()).isTrue();
        assertThat(w.batch()).isGreaterThan(1).isLessThanOrEqualTo(256);
        assertThat(w.documentsPerHour()).isPositive();
        assertThat(w.costPer1000()).isNull();
        assertThat(w.calibrationNote()).contains("bounds only");
    }

    @Test
    void aDocumentLongerThanTheModelReadsIsSaidNotComputed() {
        Workload w = workloads.compute(
                document(on("NVIDIA H100 80GB", Engine.VLLM, KvDtype.BF16), "Gemma3-1B-IT", "bf16", 40_000, 8, null));
        assertThat(w.fits()).isFalse();
        assertThat(w.whyNot()).contains("40,512 tokens").contains("32,768");
        assertThat(w.documentsPerHour()).isNull();
    }

    @Test
    void aModelTooLargeForTheGpuIsSaidNotComputed() {
        Workload w = workloads.compute(
                document(on("NVIDIA T4", Engine.VLLM, KvDtype.BF16), "Gemma3-27B-IT", "bf16", 1_000, 8, null));
        assertThat(w.fits()).isFalse();
        assertThat(w.whyNot()).contains("GiB for one document");
    }

    @Test
    void theIdealEngineWithoutTheWindowReadsMoreAndDecodesSlower() {
        GpuPreset h100 = ReportFixture.gpuPresets().byName("NVIDIA H100 80GB").orElseThrow();
        AdviceRequest window = on("NVIDIA H100 80GB", Engine.IDEAL, KvDtype.BF16);
        AdviceRequest noWindow = new AdviceRequest(
                h100,
                h100.memoryGib(),
                1,
                1,
                1,
                KvDtype.BF16,
                false,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                Engine.IDEAL);
        Workload with = workloads.compute(document(window, "Gemma3-12B-IT", "bf16", 20_000, 1, null));
        Workload without = workloads.compute(document(noWindow, "Gemma3-12B-IT", "bf16", 20_000, 1, null));
        assertThat(without.decodeBound()).isLessThan(with.decodeBound());
    }

    /**
     * Issue 30.10: one place decides what fits. Over a grid of models, formats, GPUs, engines and contexts, the
     * workload page says a document runs exactly where the advisor says the option fits at one sequence, with as
     * many documents at once as the advisor's largest batch, and the same prefill bound for one sequence.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} on {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "NVIDIA L4, ideal",
        "NVIDIA L4, vllm",
        "NVIDIA L4, llamacpp",
        "NVIDIA L4, ollama",
        "NVIDIA A100 40GB, vllm",
        "NVIDIA H100 80GB, llamacpp",
        "NVIDIA RTX 4090, ollama"
    })
    void theWorkloadPageAndTheAdvisorGiveTheSameAnswer(String gpu, String engineCode) {
        Engine engine = Engine.byCode(engineCode).orElseThrow();
        com.gemmavision.advisor.Advisor advisor = ReportFixture.advisor();
        int compared = 0;
        for (long context : new long[] {4_096, 32_768, 131_072}) {
            AdviceRequest deployment = on(gpu, engine, engine.kvDtypes().get(0)).with(context, 1);
            for (com.gemmavision.advisor.FitOption option :
                    advisor.advise(deployment).options()) {
                Workload workload = workloads.compute(
                        document(deployment, option.model(), option.format().code(), context - 512, 1_000_000, null));
                String what = option.model() + " in " + option.format().code() + " at " + context;
                assertThat(workload.fits()).as(what).isEqualTo(option.fits());
                assertThat(workload.batch()).as(what).isEqualTo(option.fits() ? option.maxBatch() : 0);
                if (option.fits() && option.prefillSecondsBound() != null) {
                    // the workload prefills the document's tokens, the advisor the whole context
                    assertThat(workload.prefillSecondsPerDocument() * context / (context - 512))
                            .as(what)
                            .isCloseTo(option.prefillSecondsBound(), org.assertj.core.data.Offset.offset(1e-9));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
    }
}
