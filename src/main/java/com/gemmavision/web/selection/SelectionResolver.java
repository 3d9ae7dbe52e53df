package com.gemmavision.web.selection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
    private final RequestBinder binder;

    public SelectionResolver(
            Catalog catalog,
            QuantizationFormats formats,
            ModelComparison comparison,
            SelectionProperties properties,
            RequestBinder binder) {
        this.catalog = catalog;
        this.formats = formats;
        this.comparison = comparison;
        this.properties = properties;
        this.binder = binder;
    }

    /** A selection and what was ignored on the way to it. */
    public record Resolved(Selection selection, List<String> notices) {}

    public Selection defaults() {
        return new Selection(
                properties.defaultModels(), properties.defaultQuants(), properties.defaultKv(), List.of(), List.of());
    }

    /** Reads a stored canonical query string back, through the same checks as a request. */
    public Resolved resolveQuery(String query) {
        return resolve(parameters(query), defaults());
    }

    /** A query string's parameters, decoded, in their order. */
    public static Map<String, String[]> parameters(String query) {
        var parameters =
                UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams();
        Map<String, String[]> decoded = new LinkedHashMap<>();
        parameters.forEach((name, values) -> decoded.put(
                name,
                values.stream()
                        .map(v -> v == null ? "" : URLDecoder.decode(v, StandardCharsets.UTF_8))
                        .toArray(String[]::new)));
        return decoded;
    }

    /** The same as name-value pairs, for a form's hidden fields. */
    public static List<Map.Entry<String, String>> entries(String query) {
        return parameters(query).entrySet().stream()
                .flatMap(e -> Arrays.stream(e.getValue()).map(v -> Map.entry(e.getKey(), v)))
                .toList();
    }

    public static boolean hasSelectionParameters(Map<String, String[]> parameters) {
        return Selection.PARAMETERS.stream().anyMatch(parameters::containsKey);
    }

    public Resolved resolve(Map<String, String[]> parameters, Selection fallback) {
        RequestParameters in = binder.read(parameters);
        List<String> models = in.list(
                "model",
                fallback.models(),
                value -> catalog.variant(value)
                        .map(ModelVariant::name)
                        .or(() -> ignored(
                                in,
                                "model",
                                "Ignored model “" + UserText.quoted(value)
                                        + "”: not a Gemma 3 checkpoint. Choose from "
                                        + names(catalog.variants().stream().map(ModelVariant::name)) + ".")));
        List<String> quants = in.list(
                "quant",
                fallback.quants(),
                value -> formats.byCode(value)
                        .map(QuantizationFormat::code)
                        .or(() -> ignored(
                                in,
                                "quant",
                                "Ignored quantization “" + UserText.quoted(value) + "”: "
                                        + QuantizationFormats.UNKNOWN_DESCRIPTION + " Use one of "
                                        + names(formats.all().stream().map(QuantizationFormat::code)) + ".")));
        List<String> bench = in.list(
                "bench",
                fallback.bench(),
                value -> BenchmarkGroup.byId(value)
                        .map(BenchmarkGroup::id)
                        .or(() -> ignored(
                                in,
                                "bench",
                                "Ignored benchmark group “" + UserText.quoted(value)
                                        + "”: use one of "
                                        + names(Arrays.stream(BenchmarkGroup.values())
                                                .map(BenchmarkGroup::id))
                                        + ".")));
        List<Integer> tables = in.list("table", fallback.tables(), value -> table(value, in));
        boolean kv = in.flag("kv", fallback.kv());
        boolean arenaOpen = in.flag("arenaOpen", fallback.arenaOpen());
        boolean panScan = in.flag("panScan", fallback.panScan());
        List<String> compare = in.list(
                "compare",
                fallback.compare(),
                value -> comparison.models().stream()
                        .filter(m -> m.equalsIgnoreCase(value.trim()))
                        .findFirst()
                        .or(() -> ignored(
                                in,
                                "compare",
                                "Ignored model to compare “" + UserText.quoted(value)
                                        + "”: the report has no scores for it.")));
        if (compare.size() > 2) {
            in.reject("compare", "Only two models can be compared; the first two were kept.");
            compare = compare.subList(0, 2);
        }
        Selection selection = new Selection(
                inOrder(
                        models,
                        catalog.variants().stream().map(ModelVariant::name).toList()),
                inOrder(
                        quants,
                        formats.all().stream().map(QuantizationFormat::code).toList()),
                kv,
                inOrder(
                        bench,
                        Arrays.stream(BenchmarkGroup.values())
                                .map(BenchmarkGroup::id)
                                .toList()),
                tables.stream().sorted().toList(),
                compare,
                arenaOpen,
                panScan);
        return new Resolved(selection, in.messages());
    }

    private static <T> Optional<T> ignored(RequestParameters in, String parameter, String message) {
        in.reject(parameter, message);
        return Optional.empty();
    }

    private static String names(Stream<String> names) {
        return String.join(", ", names.toList());
    }

    private Optional<Integer> table(String value, RequestParameters in) {
        try {
            Optional<Integer> number =
                    ReportTable.byNumber(Integer.parseInt(value.trim())).map(ReportTable::number);
            if (number.isPresent()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like any other unknown table
        }
        return ignored(
                in,
                "table",
                "Ignored table “" + UserText.quoted(value)
                        + "”: the report's result tables are numbered " + ReportTable.values()[0].number() + " to "
                        + ReportTable.values()[ReportTable.values().length - 1].number() + ".");
    }

    /** The chosen values in the app's own order, so the same choice always gives the same URL and chart. */
    private static List<String> inOrder(List<String> chosen, List<String> order) {
        return order.stream().filter(chosen::contains).toList();
    }
}
