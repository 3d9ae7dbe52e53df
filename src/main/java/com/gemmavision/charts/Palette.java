package com.gemmavision.charts;

import java.util.Locale;
import java.util.Map;

/**
 * Chart colours: twelve that stay apart for the common forms of colour blindness (Okabe-Ito's, less its yellow,
 * plus Paul Tol's darker hues), and one fixed colour per model, so a model looks the same in every chart.
 */
public final class Palette {

    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#332288", "#882255", "#117733", "#999933", "#44AA99", "#661100"
    };

    /** What a chart shows of a model it does not emphasise. */
    public static final String MUTED = "#c3cad2";

    /**
     * The report's models by their name without "-IT"/"-PT": Gemma 3 sizes keep the first four colours, and a
     * Gemma 2 size never takes a hue near its Gemma 3 counterpart's (Gemma2-27B is wine, Gemma3-27B blue).
     * Models that share a colour never share a table (Gemma 2 and PaliGemma 2 sizes).
     */
    private static final Map<String, Integer> MODELS = Map.ofEntries(
            Map.entry("gemma3-27b", 0),
            Map.entry("gemma3-4b", 1),
            Map.entry("gemma3-12b", 2),
            Map.entry("gemma3-1b", 3),
            Map.entry("gemini-1.5-flash", 4),
            Map.entry("gemini-1.5-pro", 5),
            Map.entry("gemma2-27b", 7),
            Map.entry("gemma2-9b", 9),
            Map.entry("gemini-2.0-pro", 6),
            Map.entry("gemma2-2b", 11),
            Map.entry("gemini-2.0-flash", 10),
            Map.entry("paligemma2-2b", 8),
            Map.entry("paligemma2-10b", 9),
            Map.entry("paligemma2-28b", 7));

    private Palette() {}

    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    /**
     * The colour of a chart's series {@code index}: its model's own colour where the series is a model (so Table 8
     * and Table 15 show a model as the radar and the small multiples do), else the index's.
     */
    public static String forSeries(String name, int index) {
        Integer model = MODELS.get(key(name));
        return colour(model != null ? model : index);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).strip().replaceFirst("-(it|pt)$", "");
    }

    /** The colour of a model in every chart; one the table does not name gets a stable colour by its name. */
    public static String forModel(String name) {
        return colour(modelIndex(name));
    }

    /**
     * The palette index of a model's colour, for charts that take an index per series (line charts): the same
     * colour {@link #forModel} gives it.
     */
    public static int modelIndex(String name) {
        String key = key(name);
        Integer index = MODELS.get(key);
        return index != null ? index : key.hashCode();
    }
}
