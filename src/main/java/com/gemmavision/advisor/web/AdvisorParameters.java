package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.GpuPreset;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;
import com.gemmavision.web.UserText;

import org.springframework.stereotype.Component;

/**
 * Reads the advisor's parameters (gpu or memoryGiB, gpus, context, batch, kvDtype, slidingWindow, overheadGiB,
 * headroom, rankBy, textOnly, bf16Extras). Each bad value is named with its parameter and replaced by its
 * default, so the page can still render and the API can answer 400 naming the parameter.
 */
@Component
class AdvisorParameters {

    private final GpuPresets gpus;
    private final AdvisorProperties properties;
    private final Catalog catalog;

    AdvisorParameters(GpuPresets gpus, AdvisorProperties properties, Catalog catalog) {
        this.catalog = catalog;
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

    record ParameterError(String parameter, String message) {}

    record Parsed(AdviceRequest request, List<ParameterError> errors) {
        List<String> messages() {
            return errors.stream().map(ParameterError::message).toList();
        }
    }

    Parsed parse(Map<String, String[]> parameters) {
        Reader in = new Reader(parameters);
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
                in.error(
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
        long context = in.whole("context", 1, limits.context(), properties.defaultContext());
        long batch = in.whole("batch", 1, limits.batch(), 1);
        KvDtype kv = in.choice("kvDtype", KvDtype::byCode, KvDtype.BF16, "bf16, fp8, int8 or int4");
        boolean window = in.flag("slidingWindow", true);
        double overhead = in.decimal("overheadGiB", 0, limits.maxOverheadGiB(), properties.defaultOverheadGib());
        int headroom = (int) in.whole("headroom", 0, limits.maxHeadroom(), properties.defaultHeadroomPercent());
        QualityBenchmark rankBy = in.choice(
                "rankBy", QualityBenchmark::byId, QualityBenchmark.DOCVQA, "docvqa, infovqa, chartqa or mmlu-pro");
        boolean textOnly = in.flag("textOnly", false);
        boolean extras = in.flag("bf16Extras", false);
        AdviceRequest request = new AdviceRequest(
                preset,
                memoryGib,
                gpuCount,
                context,
                batch,
                kv,
                window,
                new WeightBytes.Options(textOnly, extras),
                overhead,
                headroom,
                rankBy);
        return new Parsed(request, List.copyOf(in.errors));
    }

    /** The parameters of a request, with their errors as they are read. */
    static final class Reader {
        private final Map<String, String[]> parameters;
        final List<ParameterError> errors = new ArrayList<>();

        Reader(Map<String, String[]> parameters) {
            this.parameters = parameters;
        }

        /** The last value of a parameter (the checkbox after its hidden twin), or null. */
        String text(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[values.length - 1].trim();
        }

        void error(String parameter, String message) {
            errors.add(new ParameterError(parameter, message));
        }

        long whole(String name, long min, long max, long fallback) {
            String value = text(name);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value.replace(",", "").replace("_", ""));
                if (parsed < min || parsed > max) {
                    error(
                            name,
                            String.format(
                                    Locale.ROOT,
                                    "%s must be between %,d and %,d; got %s.",
                                    name,
                                    min,
                                    max,
                                    UserText.quoted(value)));
                    return fallback;
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(name, name + " must be a whole number; got “" + UserText.quoted(value) + "”.");
                return fallback;
            }
        }

        double decimal(String name, double min, double max, double fallback) {
            String value = text(name);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(value);
                if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
                    error(
                            name,
                            name + " must be between " + trim(min) + " and " + trim(max) + "; got "
                                    + UserText.quoted(value) + ".");
                    return fallback;
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(name, name + " must be a number; got “" + UserText.quoted(value) + "”.");
                return fallback;
            }
        }

        boolean flag(String name, boolean fallback) {
            String value = text(name);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")) {
                return true;
            }
            if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off")) {
                return false;
            }
            error(name, name + " must be true or false; got “" + UserText.quoted(value) + "”.");
            return fallback;
        }

        <T> T choice(String name, Function<String, Optional<T>> lookup, T fallback, String allowed) {
            String value = text(name);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            return lookup.apply(value).orElseGet(() -> {
                error(name, "Unknown " + name + " “" + UserText.quoted(value) + "”: use " + allowed + ".");
                return fallback;
            });
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
        }
    }
}
