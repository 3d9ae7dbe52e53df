package com.gemmavision.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Sizing;
import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.EngineKvCache;
import com.gemmavision.memory.KvAllocation;
import com.gemmavision.memory.KvCache;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.WeightBytes;

import org.springframework.stereotype.Service;

/**
 * Turns a document into a workload on a deployment: the batch that fits its context, prefill and decode as bounds
 * and as a range calibrated on published measurements of the same engine and batch, documents per hour and cost
 * per 1,000 documents.
 */
@Service
public class Workloads {

    private final Catalog catalog;
    private final MemoryModel memory;
    private final MeasurementRepository measurements;
    private final Sizing sizing;

    public Workloads(Catalog catalog, MemoryModel memory, MeasurementRepository measurements, Sizing sizing) {
        this.catalog = catalog;
        this.memory = memory;
        this.measurements = measurements;
        this.sizing = sizing;
    }

    public List<Measurement> measurements() {
        return measurements.all();
    }

    public Workload compute(WorkloadRequest request) {
        AdviceRequest deployment = request.deployment();
        long context = request.tokensPerDocument() + request.answerTokens();
        // what fits is decided by Sizing, as for the advisor's options and the memory API
        Sizing.Fit sized = sizing.fit(request.model(), request.quant(), context, deployment.with(context, 1));
        ModelProfile profile = sized.profile();
        Architecture architecture = profile.architecture();
        long readContext = sized.context();
        MemoryRequest one = memoryRequest(request, readContext, 1);
        long fixed = sized.fixedBytes();
        long perSequence = sized.perSequenceBytes();
        long usable = sized.usableBytes();
        String whyNot = sized.refusal()
                .map(refusal -> switch (refusal) {
                    case CONTEXT ->
                        String.format(
                                Locale.ROOT,
                                "A document needs %,d tokens with its answer; %s reads at most %,d.",
                                context,
                                profile.name(),
                                architecture.maxContext());
                    case TENSOR_PARALLEL -> sized.tensorParallelProblem();
                    case MEMORY ->
                        String.format(
                                Locale.ROOT,
                                "%s in %s needs %.1f GiB for one document; %s has %.1f GiB usable.",
                                profile.name(),
                                request.quant(),
                                MemoryEstimate.gib(fixed + perSequence),
                                deployment.gpuLabel(),
                                MemoryEstimate.gib(usable));
                })
                .orElse(null);
        long batch = Math.min(request.batchLimit(), sized.maxSequences());
        long kvBatch = Math.max(1, batch);
        KvAllocation allocation = memory.allocation(memoryRequest(request, readContext, kvBatch));

        double textParameters =
                (profile.parameters().embeddingM() + profile.parameters().nonEmbeddingM()) * 1e6;
        Integer peak = deployment.gpu() == null ? null : deployment.gpu().prefillTflops(request.quant());
        Double flops = peak == null ? null : peak * 1e12 * deployment.gpus();
        Double bandwidth =
                deployment.gpu() == null ? null : deployment.gpu().memoryBandwidthGbS() * 1e9 * deployment.gpus();
        Double prefill = Sizing.prefillSeconds(profile, request.quant(), request.tokensPerDocument(), 1, deployment);

        Double decodePerSequence = null;
        if (bandwidth != null && batch > 0) {
            long weights = memory.decodeWeightBytes(one);
            long kvRead = EngineKvCache.readBytes(
                    architecture, deployment.engine(), context, 1, deployment.kvDtype(), deployment.slidingWindow());
            decodePerSequence =
                    Throughput.decodeBound(bandwidth, flops, weights, kvRead, batch, textParameters) / batch;
        }

        List<Workload.Calibration> calibration = calibrate(deployment.engine(), batch);
        Workload.Range decodeTypical = null;
        String note;
        if (batch == 0) {
            note = "Nothing runs: " + whyNot;
        } else if (calibration.isEmpty()) {
            note = "No published measurement of " + deployment.engine().label() + " at a batch of " + batch
                    + ": the figures are bounds only.";
        } else {
            double low = calibration.stream()
                    .mapToDouble(Workload.Calibration::efficiency)
                    .min()
                    .orElseThrow();
            double high = calibration.stream()
                    .mapToDouble(Workload.Calibration::efficiency)
                    .max()
                    .orElseThrow();
            note = String.format(
                    Locale.ROOT,
                    "Typical = bound × %.0f%% to %.0f%%: the share of their own bound that %d published measurement%s of"
                            + " this engine at this batch reached.",
                    low * 100,
                    high * 100,
                    calibration.size(),
                    calibration.size() == 1 ? "" : "s");
            if (decodePerSequence != null) {
                decodeTypical = new Workload.Range(decodePerSequence * low, decodePerSequence * high);
            }
        }

        Double perHour = null;
        Workload.Range perHourTypical = null;
        if (prefill != null && decodePerSequence != null) {
            perHour = Throughput.documentsPerHour(batch, prefill, request.answerTokens(), decodePerSequence);
            if (decodeTypical != null) {
                perHourTypical = new Workload.Range(
                        Throughput.documentsPerHour(batch, prefill, request.answerTokens(), decodeTypical.low()),
                        Throughput.documentsPerHour(batch, prefill, request.answerTokens(), decodeTypical.high()));
            }
        }
        Double cost = null;
        Workload.Range costTypical = null;
        if (request.pricePerHour() != null && perHour != null) {
            double hourly = request.pricePerHour().doubleValue() * deployment.gpus();
            cost = hourly * 1000 / perHour;
            if (perHourTypical != null) {
                costTypical =
                        new Workload.Range(hourly * 1000 / perHourTypical.high(), hourly * 1000 / perHourTypical.low());
            }
        }
        return new Workload(
                request,
                context,
                whyNot == null,
                whyNot,
                batch,
                sized.estimate().weightsBytes(),
                allocation,
                usable,
                prefill,
                decodePerSequence,
                decodeTypical,
                perHour,
                perHourTypical,
                cost,
                costTypical,
                calibration,
                note);
    }

    /** The measurements of the same engine family at the same batch, each beside the bound for its own setup. */
    List<Workload.Calibration> calibrate(Engine engine, long batch) {
        String family = engine.family();
        List<Workload.Calibration> calibration = new ArrayList<>();
        for (Measurement m : measurements.all()) {
            if (!m.engine().equals(family) || m.batch() != batch) {
                continue;
            }
            ModelProfile profile = catalog.profiles(List.of(m.model())).get(0);
            MemoryRequest request = new MemoryRequest(
                    m.model(),
                    m.quant(),
                    Math.max(1, m.contextTokens()),
                    m.batch(),
                    KvDtype.BF16,
                    true,
                    WeightBytes.Options.DEFAULT,
                    0);
            long weights = memory.decodeWeightBytes(request);
            long kv = m.contextTokens() == 0
                    ? 0
                    : KvCache.bytes(profile.architecture(), m.contextTokens(), 1, KvDtype.BF16, true);
            double bound = m.memoryBandwidthGbS() * 1e9 / (weights + (double) m.batch() * kv) * m.batch();
            calibration.add(new Workload.Calibration(m, bound, m.decodeTokensPerSecond() / bound));
        }
        return calibration;
    }

    private static MemoryRequest memoryRequest(WorkloadRequest request, long context, long batch) {
        AdviceRequest d = request.deployment();
        return new MemoryRequest(
                request.model(),
                request.quant(),
                context,
                batch,
                d.kvDtype(),
                d.slidingWindow(),
                d.weights(),
                d.overheadBytes(),
                d.engine(),
                d.settings());
    }
}
