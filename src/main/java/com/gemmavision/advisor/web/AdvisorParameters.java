package com.gemmavision.advisor.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.GpuPreset;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;
import com.gemmavision.web.selection.Forms;
import com.gemmavision.web.selection.InputProblem;
import com.gemmavision.web.selection.TokenCount;
import com.gemmavision.web.selection.UserText;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the advisor's inputs ({@link AdvisorForm}: gpu or memoryGiB, gpus, context, batch, engine, kvDtype,
 * slidingWindow, overheadGiB, headroom, rankBy, textOnly, bf16Extras, visionQuantized) as a Spring
 * {@link Validator}, and makes the advice request from them. Each bad value is named with its parameter and
 * replaced by its default, so the page can still render and the API can answer 400 naming the parameter.
 */
@Component
public class AdvisorParameters implements Validator {

    private final GpuPresets gpus;
    private final AdvisorProperties properties;
    private final Catalog catalog;
    private final Forms forms;

    AdvisorParameters(GpuPresets gpus, AdvisorProperties properties, Catalog catalog, Forms forms) {
        this.catalog = catalog;
        this.forms = forms;
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

    public record Parsed(AdviceRequest request, List<InputProblem> errors) {
        public List<String> messages() {
            return errors.stream().map(InputProblem::message).toList();
        }
    }

    /**
     * The {@code model} parameter: a checkpoint name in any case. Missing, it is {@code fallback} (or refused as
     * required when there is none); unknown, it is refused naming the models there are, and {@code fallback} stands.
     */
    public Optional<ModelVariant> model(Forms.Bound<?> bound, String typed, String fallback) {
        String name = Optional.ofNullable(Forms.text(typed)).orElse(fallback);
        if (name == null) {
            bound.refuse("model", typed, "model is required, e.g. Gemma3-27B-IT.");
            return Optional.empty();
        }
        Optional<ModelVariant> variant = catalog.variant(name);
        if (variant.isEmpty()) {
            bound.refuse(
                    "model",
                    typed,
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

    /** Reads the advisor's inputs from parameters (a stored view's, or a request's own map). */
    public Parsed parse(Map<String, String[]> parameters) {
        Forms.Bound<AdvisorForm> bound = forms.bind(AdvisorForm.class, parameters, this);
        return new Parsed(request(bound), bound.problems());
    }

    /** The inputs as MVC bound them ({@code @ModelAttribute}), checked; the bound result keeps every problem met. */
    public Parsed parse(AdvisorForm form, BindingResult result) {
        Forms.Bound<AdvisorForm> bound = check(form, result);
        return new Parsed(request(bound), bound.problems());
    }

    /** Runs the limits and this validator on a form MVC bound, once. */
    public Forms.Bound<AdvisorForm> check(AdvisorForm form, BindingResult result) {
        forms.limits().validate(form, result);
        validate(form, result);
        return new Forms.Bound<>(form, result);
    }

    @Override
    public boolean supports(Class<?> type) {
        return AdvisorForm.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        AdvisorForm form = (AdvisorForm) target;
        Limits limits = limits();
        if (form.memoryGiB() != null) {
            Forms.decimal(errors, "memoryGiB", form.memoryGiB(), limits.minMemoryGiB(), limits.maxMemoryGiB());
        } else if (Forms.text(form.gpu()) != null
                && gpus.byName(Forms.text(form.gpu())).isEmpty()) {
            Forms.refuse(
                    errors,
                    "gpu",
                    form.gpu(),
                    "Unknown GPU “" + UserText.quoted(form.gpu()) + "”: choose a preset ("
                            + String.join(
                                    ", ",
                                    gpus.all().stream().map(GpuPreset::gpu).toList())
                            + ") or give memoryGiB instead.");
        }
        Forms.whole(errors, "gpus", form.gpus(), 1, limits.gpus(), "", null);
        Forms.tokens(errors, "context", form.context(), limits.context());
        Forms.whole(errors, "batch", form.batch(), 1, limits.batch(), "", null);
        Engine engine = choice(errors, "engine", form.engine(), Engine::byCode, "one of " + Engine.choices())
                .orElse(Engine.IDEAL);
        Optional<KvDtype> kv = choice(
                errors,
                "kvDtype",
                form.kvDtype(),
                KvDtype::byCode,
                String.join(
                        ", ", Arrays.stream(KvDtype.values()).map(KvDtype::code).toList()));
        if (kv.isPresent() && !engine.offers(kv.get())) {
            Forms.refuse(
                    errors,
                    "kvDtype",
                    form.kvDtype(),
                    engine.label() + " stores the KV cache as " + engine.kvDtypeChoices() + ", not "
                            + kv.get().code() + ".");
        }
        if (form.overheadGiB() != null) {
            Forms.decimal(errors, "overheadGiB", form.overheadGiB(), 0, limits.maxOverheadGiB());
        }
        Forms.whole(errors, "headroom", form.headroom(), 0, limits.maxHeadroom(), "", null);
        choice(errors, "rankBy", form.rankBy(), QualityBenchmark::byId, "docvqa, infovqa, chartqa or mmlu-pro");
    }

    /** The advice request: each value as bound, or its default where it is absent or was refused. */
    AdviceRequest request(Forms.Bound<AdvisorForm> bound) {
        AdvisorForm form = bound.form();
        GpuPreset preset = null;
        double memoryGib;
        if (form.memoryGiB() != null || bound.refused("memoryGiB")) {
            memoryGib = bound.or("memoryGiB", form.memoryGiB(), 24.0);
        } else {
            String name = Optional.ofNullable(bound.refused("gpu") ? null : Forms.text(form.gpu()))
                    .orElse(properties.defaultGpu());
            preset = gpus.byName(name)
                    .orElseGet(() -> gpus.byName(properties.defaultGpu()).orElseThrow());
            memoryGib = preset.memoryGib();
        }
        Engine engine = bound.or(
                "engine",
                Optional.ofNullable(Forms.text(form.engine()))
                        .flatMap(Engine::byCode)
                        .orElse(null),
                Engine.IDEAL);
        KvDtype kv = bound.or(
                "kvDtype",
                Optional.ofNullable(Forms.text(form.kvDtype()))
                        .flatMap(KvDtype::byCode)
                        .orElse(null),
                engine.kvDtypes().get(0));
        if (!engine.offers(kv)) {
            kv = engine.kvDtypes().get(0);
        }
        TokenCount context = bound.or("context", form.context(), null);
        return new AdviceRequest(
                preset,
                memoryGib,
                bound.or("gpus", form.gpus(), 1),
                context == null ? properties.defaultContext() : context.value(),
                bound.or("batch", form.batch(), 1L),
                kv,
                bound.or("slidingWindow", form.slidingWindow(), true),
                new WeightBytes.Options(
                        bound.or("textOnly", form.textOnly(), false),
                        bound.or("bf16Extras", form.bf16Extras(), false),
                        bound.or("visionQuantized", form.visionQuantized(), false)),
                bound.or("overheadGiB", form.overheadGiB(), properties.defaultOverheadGib()),
                bound.or("headroom", form.headroom(), properties.defaultHeadroomPercent()),
                bound.or(
                        "rankBy",
                        Optional.ofNullable(Forms.text(form.rankBy()))
                                .flatMap(QualityBenchmark::byId)
                                .orElse(null),
                        QualityBenchmark.DOCVQA),
                engine);
    }

    /** One of a known set, looked up by code; unknown is refused naming what there is. */
    private static <T> Optional<T> choice(
            Errors errors, String name, String typed, Function<String, Optional<T>> lookup, String allowed) {
        String value = Forms.text(typed);
        if (value == null) {
            return Optional.empty();
        }
        Optional<T> found = lookup.apply(value);
        if (found.isEmpty()) {
            Forms.refuse(errors, name, typed, name + " must be " + allowed + "; got “" + UserText.quoted(value) + "”.");
        }
        return found;
    }
}
