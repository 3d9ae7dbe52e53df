package com.gemmavision.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.gemmavision.benchmarks.BenchmarkGroup;
import com.gemmavision.benchmarks.ModelComparison;
import com.gemmavision.benchmarks.ReportTable;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns request parameters into a {@link Selection}. A parameter present in the request wins; an absent one
 * keeps its value from the fallback (the user's stored selection, else the defaults). Values the app does not
 * know are dropped and reported in plain words, never fatal.
 */
@Component
public class SelectionResolver {

    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final ModelComparison comparison;
    private final SelectionProperties properties;

    public SelectionResolver(
            Catalog catalog, QuantizationFormats formats, ModelComparison comparison, SelectionProperties properties) {
        this.catalog = catalog;
        this.formats = formats;
        this.comparison = comparison;
        this.properties = properties;
    }

    /** A selection and what was ignored on the way to it. */
    public record Resolved(Selection selection, List<String> notices) {}

    public Selection defaults() {
        return new Selection(
                properties.defaultModels(), properties.defaultQuants(), properties.defaultKv(), List.of(), List.of());
    }

    /** Reads a stored canonical query string back, through the same checks as a request. */
    public Resolved resolveQuery(String query) {
        var parameters =
                UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams();
        Map<String, String[]> decoded = new LinkedHashMap<>();
        parameters.forEach((name, values) -> decoded.put(
                name,
                values.stream()
                        .map(v -> v == null ? "" : URLDecoder.decode(v, StandardCharsets.UTF_8))
                        .toArray(String[]::new)));
        return resolve(decoded, defaults());
    }

    public static boolean hasSelectionParameters(Map<String, String[]> parameters) {
        return Selection.PARAMETERS.stream().anyMatch(parameters::containsKey);
    }

    public Resolved resolve(Map<String, String[]> parameters, Selection fallback) {
        List<String> notices = new ArrayList<>();
        List<String> models = list(
                parameters,
                "model",
                fallback.models(),
                notices,
                value -> catalog.variant(value).map(ModelVariant::name).or(() -> {
                    notices.add("Ignored model “" + UserText.quoted(value) + "”: not a Gemma 3 checkpoint. Choose from "
                            + String.join(
                                    ", ",
                                    catalog.variants().stream()
                                            .map(ModelVariant::name)
                                            .toList()) + ".");
                    return Optional.empty();
                }));
        List<String> quants = list(
                parameters,
                "quant",
                fallback.quants(),
                notices,
                value -> formats.byCode(value).map(QuantizationFormat::code).or(() -> {
                    notices.add("Ignored quantization “" + UserText.quoted(value) + "”: "
                            + QuantizationFormats.UNKNOWN_DESCRIPTION
                            + " Use one of "
                            + String.join(
                                    ", ",
                                    formats.all().stream()
                                            .map(QuantizationFormat::code)
                                            .toList()) + ".");
                    return Optional.empty();
                }));
        List<String> bench = list(
                parameters,
                "bench",
                fallback.bench(),
                notices,
                value -> BenchmarkGroup.byId(value).map(BenchmarkGroup::id).or(() -> {
                    notices.add("Ignored benchmark group “" + UserText.quoted(value) + "”: use one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(BenchmarkGroup.values())
                                            .map(BenchmarkGroup::id)
                                            .toList()) + ".");
                    return Optional.empty();
                }));
        List<Integer> tables = list(parameters, "table", fallback.tables(), notices, value -> table(value, notices));
        boolean kv = flag(parameters, "kv", fallback.kv(), notices);
        boolean arenaOpen = flag(parameters, "arenaOpen", fallback.arenaOpen(), notices);
        boolean panScan = flag(parameters, "panScan", fallback.panScan(), notices);
        List<String> compare = list(
                parameters,
                "compare",
                fallback.compare(),
                notices,
                value -> comparison.models().stream()
                        .filter(m -> m.equalsIgnoreCase(value.trim()))
                        .findFirst()
                        .or(() -> {
                            notices.add("Ignored model to compare “" + UserText.quoted(value)
                                    + "”: the report has no scores for it.");
                            return Optional.empty();
                        }));
        if (compare.size() > 2) {
            notices.add("Only two models can be compared; the first two were kept.");
            compare = compare.subList(0, 2);
        }
        return new Resolved(
                new Selection(
                        inOrder(
                                models,
                                catalog.variants().stream()
                                        .map(ModelVariant::name)
                                        .toList()),
                        inOrder(
                                quants,
                                formats.all().stream()
                                        .map(QuantizationFormat::code)
                                        .toList()),
                        kv,
                        inOrder(
                                bench,
                                Arrays.stream(BenchmarkGroup.values())
                                        .map(BenchmarkGroup::id)
                                        .toList()),
                        tables.stream().sorted().toList(),
                        compare,
                        arenaOpen,
                        panScan),
                List.copyOf(notices));
    }

    private Optional<Integer> table(String value, List<String> notices) {
        try {
            Optional<Integer> number =
                    ReportTable.byNumber(Integer.parseInt(value.trim())).map(ReportTable::number);
            if (number.isPresent()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like any other unknown table
        }
        notices.add("Ignored table “" + UserText.quoted(value) + "”: the report's result tables are numbered 5 to 18.");
        return Optional.empty();
    }

    private boolean flag(Map<String, String[]> parameters, String name, boolean fallback, List<String> notices) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return fallback;
        }
        // With a checkbox and its hidden "false" twin, the last value is the one the user set.
        String value = values[values.length - 1].trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off")) {
            return false;
        }
        notices.add("Ignored " + name + " “" + UserText.quoted(value) + "”: expected true or false.");
        return fallback;
    }

    /**
     * Reads a repeatable parameter: absent means "keep the fallback"; present with only empty values means
     * "nothing selected". Duplicates are dropped, order kept.
     */
    private <T> List<T> list(
            Map<String, String[]> parameters,
            String name,
            List<T> fallback,
            List<String> notices,
            Function<String, Optional<T>> parse) {
        String[] values = parameters.get(name);
        if (values == null) {
            return fallback;
        }
        Set<T> parsed = new LinkedHashSet<>();
        int read = 0;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (++read > properties.maxValuesPerParameter()) {
                notices.add("Only the first " + properties.maxValuesPerParameter() + " values of “" + name
                        + "” were read.");
                break;
            }
            if (value.length() > properties.maxValueLength()) {
                notices.add("Ignored a value of “" + name + "” longer than " + properties.maxValueLength()
                        + " characters.");
                continue;
            }
            parse.apply(value).ifPresent(parsed::add);
        }
        return List.copyOf(parsed);
    }

    /** The chosen values in the app's own order, so the same choice always gives the same URL and chart. */
    private static List<String> inOrder(List<String> chosen, List<String> order) {
        return order.stream().filter(chosen::contains).toList();
    }
}
