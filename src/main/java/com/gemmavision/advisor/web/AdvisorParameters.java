package com.gemmavision.advisor.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.GpuPreset;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;
import com.gemmavision.web.selection.RequestBinder;
import com.gemmavision.web.selection.RequestParameters;
import com.gemmavision.web.selection.UserText;

import org.springframework.stereotype.Component;

/**
 * Reads the advisor's parameters (gpu or memoryGiB, gpus, context, batch, engine, kvDtype, slidingWindow, overheadGiB,
 * headroom, rankBy, textOnly, bf16Extras, visionQuantized). Each bad value is named with its parameter and replaced by its
 * default, so the page can still render and the API can answer 400 naming the parameter.
 */
@Component
public class AdvisorParameters {

    private final GpuPresets gpus;
    private final AdvisorProperties properties;
    private final Catalog catalog;
    private final RequestBinder binder;

    AdvisorParameters(GpuPresets gpus, AdvisorProperties properties, Catalog catalog, RequestBinder binder) {
        this.catalog = catalog;
        this.binder = binder;
        this.gpus = gpus;
        this.properties = properties;
    }

    /**
     * The bounds every advisor input is checked against, rendered into the form's {@code min}/{@code max} too:
     * the context from the seeded architecture (the longest any Gemma 3 model reads), GPUs and batch from
     * {@code gemmavision.advisor.*}.
     */
    record Limits(
            long context,
            int gpus,
            long batch,
            double minMemoryGiB,
            double maxMemoryGiB,
            double maxOverheadGiB,
            int maxHeadroom) {}

    Limits limits() {
        return new Limits(
                catalog.longestContext(), properties.maxGpus(), properties.maxBatch(), 0.5, 100_000, 1_000, 90);
    }

    public record Parsed(AdviceRequest request, List<RequestParameters.Problem> errors) {
        public List<String> messages() {
            return errors.stream().map(RequestParameters.Problem::message).toList();
        }
    }

    /**
     * The {@code model} parameter: a checkpoint name in any case. Missing, it is {@code fallback} (or refused as
     * required when there is none); unknown, it is refused naming the models there are, and {@code fallback} stands.
     */
    public Optional<ModelVariant> model(RequestParameters in, String fallback) {
        String name =
                Optional.ofNullable(in.text("model")).filter(s -> !s.isBlank()).orElse(fallback);
        if (name == null) {
            in.reject("model", "model is required, e.g. Gemma3-27B-IT.");
            return Optional.empty();
        }
        Optional<ModelVariant> variant = catalog.variant(name);
        if (variant.isEmpty()) {
            in.reject(
                    "model",
                    "Unknown model “" + UserText.quoted(name) + "”: use one of "
                            + String.join(
                                    ", ",
                                    catalog.variants().stream()
                                            .map(ModelVariant::name)
                                            .toList())
                            + ".");
            return fallback == null ? Optional.empty() : catalog.variant(fallback);
        }
        return variant;
    }

    Parsed parse(Map<String, String[]> parameters) {
        return parse(binder.read(parameters));
    }

    /** Reads the advisor's inputs from a request's parameters; {@code in} keeps every problem met. */
    public Parsed parse(RequestParameters in) {
        Limits limits = limits();
        String memoryText = in.text("memoryGiB");
        GpuPreset preset = null;
        double memoryGib;
        if (memoryText != null && !memoryText.isBlank()) {
            memoryGib = in.decimal("memoryGiB", limits.minMemoryGiB(), limits.maxMemoryGiB(), 24);
        } else {
            String name = Optional.ofNullable(in.text("gpu"))
                    .filter(s -> !s.isBlank())
                    .orElse(properties.defaultGpu());
            preset = gpus.byName(name).orElse(null);
            if (preset == null) {
                in.reject(
                        "gpu",
                        "Unknown GPU “" + UserText.quoted(name) + "”: choose a preset ("
                                + String.join(
                                        ", ",
                                        gpus.all().stream().map(GpuPreset::gpu).toList())
                                + ") or give memoryGiB instead.");
                preset = gpus.byName(properties.defaultGpu()).orElseThrow();
            }
            memoryGib = preset.memoryGib();
        }
        int gpuCount = (int) in.whole("gpus", 1, limits.gpus(), 1);
        long context = in.tokens("context", 1, limits.context(), properties.defaultContext());
        long batch = in.whole("batch", 1, limits.batch(), 1);
        Engine engine = in.choice("engine", Engine::byCode, Engine.IDEAL, "one of " + Engine.choices());
        KvDtype fallbackKv = engine.kvDtypes().get(0);
        KvDtype kv = in.choice(
                "kvDtype",
                KvDtype::byCode,
                fallbackKv,
                String.join(
                        ", ", Arrays.stream(KvDtype.values()).map(KvDtype::code).toList()));
        if (!engine.offers(kv)) {
            in.reject(
                    "kvDtype",
                    engine.label() + " stores the KV cache as " + engine.kvDtypeChoices() + ", not " + kv.code() + ".");
            kv = fallbackKv;
        }
        boolean window = in.flag("slidingWindow", true);
        double overhead = in.decimal("overheadGiB", 0, limits.maxOverheadGiB(), properties.defaultOverheadGib());
        int headroom = (int) in.whole("headroom", 0, limits.maxHeadroom(), properties.defaultHeadroomPercent());
        QualityBenchmark rankBy = in.choice(
                "rankBy", QualityBenchmark::byId, QualityBenchmark.DOCVQA, "docvqa, infovqa, chartqa or mmlu-pro");
        boolean textOnly = in.flag("textOnly", false);
        boolean extras = in.flag("bf16Extras", false);
        boolean visionQuantized = in.flag("visionQuantized", false);
        AdviceRequest request = new AdviceRequest(
                preset,
                memoryGib,
                gpuCount,
                context,
                batch,
                kv,
                window,
                new WeightBytes.Options(textOnly, extras, visionQuantized),
                overhead,
                headroom,
                rankBy,
                engine);
        return new Parsed(request, in.problems());
    }
}
