package com.gemmavision.web.selection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns request parameters into a {@link Selection}. A parameter present in the request wins; an absent one
 * keeps its value from the fallback (the user's stored selection, else the defaults). Values the app does not
 * know are dropped and reported in plain words, never fatal.
 */
@Component
public class SelectionResolver {

    private final Map<String, SelectionChoice> choices;
    private final SelectionProperties properties;
    private final Forms forms;

    /** @param choices what each list parameter may hold, one per parameter, from the feature that owns it */
    public SelectionResolver(List<SelectionChoice> choices, SelectionProperties properties, Forms forms) {
        this.choices = choices.stream().collect(Collectors.toUnmodifiableMap(SelectionChoice::parameter, c -> c));
        for (String parameter : List.of("model", "quant", "bench", "table", "compare")) {
            if (!this.choices.containsKey(parameter)) {
                throw new IllegalStateException("No feature says what the “" + parameter + "” parameter may hold.");
            }
        }
        this.properties = properties;
        this.forms = forms;
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
        Forms.Bound<SelectionForm> in = forms.bind(SelectionForm.class, parameters);
        SelectionForm form = in.form();
        List<String> models = list(in, "model", form.model(), fallback.models());
        List<String> quants = list(in, "quant", form.quant(), fallback.quants());
        List<String> bench = list(in, "bench", form.bench(), fallback.bench());
        // table numbers stay text until the selection is made: the choice's canonical values are text
        List<String> tables = list(
                in,
                "table",
                form.table(),
                fallback.tables().stream().map(String::valueOf).toList());
        boolean kv = in.or("kv", form.kv(), fallback.kv());
        boolean arenaOpen = in.or("arenaOpen", form.arenaOpen(), fallback.arenaOpen());
        boolean panScan = in.or("panScan", form.panScan(), fallback.panScan());
        List<String> compare = list(in, "compare", form.compare(), fallback.compare());
        if (compare.size() > 2) {
            in.refuse("compare", null, "Only two models can be compared; the first two were kept.");
            compare = compare.subList(0, 2);
        }
        Selection selection = new Selection(
                inOrder(models, choices.get("model").values()),
                inOrder(quants, choices.get("quant").values()),
                kv,
                inOrder(bench, choices.get("bench").values()),
                inOrder(tables, choices.get("table").values()).stream()
                        .map(Integer::valueOf)
                        .toList(),
                compare,
                arenaOpen,
                panScan);
        return new Resolved(selection, in.messages());
    }

    /**
     * A repeatable parameter: absent keeps the fallback; present, its values as read within the limits, each
     * looked up (its canonical form) or refused in words, duplicates dropped, order kept.
     */
    private List<String> list(Forms.Bound<SelectionForm> in, String name, List<String> values, List<String> fallback) {
        if (values == null) {
            return fallback;
        }
        SelectionChoice choice = choices.get(name);
        Set<String> known = new LinkedHashSet<>();
        for (String value : forms.values(values)) {
            Optional<String> found = choice.canonical(value);
            if (found.isPresent()) {
                known.add(found.get());
            } else {
                in.refuse(name, value, choice.refusal(value));
            }
        }
        return List.copyOf(known);
    }

    /** The chosen values in the app's own order, so the same choice always gives the same URL and chart. */
    private static List<String> inOrder(List<String> chosen, List<String> order) {
        return order.stream().filter(chosen::contains).toList();
    }
}
