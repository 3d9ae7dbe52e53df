package com.gemmavision.web.selection;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a user has chosen in the sidebar: the bookmarkable state of the page. Its query string is the contract
 * users share: {@code model}, {@code quant} (repeatable), {@code kv}, {@code bench}, {@code table} (repeatable),
 * and, when set, {@code compare} (two report model names), {@code arenaOpen} and {@code panScan}.
 */
public record Selection(
        List<String> models,
        List<String> quants,
        boolean kv,
        List<String> bench,
        List<Integer> tables,
        List<String> compare,
        boolean arenaOpen,
        boolean panScan) {

    public static final List<String> PARAMETERS =
            List.of("model", "quant", "kv", "bench", "table", "compare", "arenaOpen", "panScan");

    public Selection {
        models = List.copyOf(models);
        quants = List.copyOf(quants);
        bench = List.copyOf(bench);
        tables = List.copyOf(tables);
        compare = List.copyOf(compare);
    }

    public Selection(List<String> models, List<String> quants, boolean kv, List<String> bench, List<Integer> tables) {
        this(models, quants, kv, bench, tables, List.of(), false, false);
    }

    /**
     * The canonical query string, without the leading "?". An empty list is written as one empty value
     * ({@code model=}) so that "nothing selected" survives a bookmark instead of falling back to the defaults.
     */
    /**
     * What the view shows, for the page title, so bookmarks and tabs of different views can be told apart:
     * "Gemma3-12B-IT, Gemma3-27B-IT · int4, sfp8 · with KV cache · zero-shot".
     */
    public String title() {
        List<String> parts = new ArrayList<>();
        parts.add(models.isEmpty() ? "no model" : String.join(", ", models));
        if (!quants.isEmpty()) {
            parts.add(String.join(", ", quants));
        }
        if (kv) {
            parts.add("with KV cache");
        }
        if (!bench.isEmpty()) {
            parts.add(String.join(", ", bench));
        }
        if (!tables.isEmpty()) {
            parts.add("Tables "
                    + String.join(", ", tables.stream().map(String::valueOf).toList()));
        }
        if (!compare.isEmpty()) {
            parts.add(String.join(" vs ", compare));
        }
        return String.join(" · ", parts);
    }

    public String toQueryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "model", models);
        add(uri, "quant", quants);
        uri.queryParam("kv", kv);
        add(uri, "bench", bench);
        add(uri, "table", tables.stream().map(String::valueOf).toList());
        // Optional parts of the contract are written only when set, so older bookmarks stay canonical.
        compare.forEach(m -> uri.queryParam("compare", m));
        if (arenaOpen) {
            uri.queryParam("arenaOpen", true);
        }
        if (panScan) {
            uri.queryParam("panScan", true);
        }
        return uri.encode().build().getQuery();
    }

    private static void add(UriComponentsBuilder uri, String name, List<String> values) {
        if (values.isEmpty()) {
            uri.queryParam(name, "");
        } else {
            values.forEach(v -> uri.queryParam(name, v));
        }
    }

    public boolean hasModel(String name) {
        return models.contains(name);
    }

    public boolean hasQuant(String code) {
        return quants.contains(code);
    }

    public boolean hasBench(String id) {
        return bench.contains(id);
    }

    public boolean hasTable(int number) {
        return tables.contains(number);
    }

    /** The first or second model to compare, or null. */
    public String compared(int index) {
        return index < compare.size() ? compare.get(index) : null;
    }
}
