package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A dense table as small multiples: one small horizontal bar chart per category (benchmark), one labelled bar per
 * series (model). The emphasised series keep their model colour and the rest are muted; every bar is named at its
 * left and states its value at its end, so no legend and no colour is needed to read it. Each panel is narrow
 * enough for a phone, with text at 12 px, and the page lays them out in as many columns as fit.
 */
public final class SmallMultiples {

    static final int WIDTH = 340;
    private static final int LABEL = 134;
    private static final int VALUE = 58;
    private static final int ROW = 20;
    private static final int TOP = 34;
    private static final int BOTTOM = 8;
    /** Characters of a name or title shown at 12 px in its space before it is cut with an ellipsis. */
    private static final int NAME_CHARACTERS = 18;

    private static final int TITLE_CHARACTERS = 38;

    private SmallMultiples() {}

    /** One SVG per category, for the page. */
    public static List<String> panels(BarChart chart, Predicate<String> emphasised) {
        List<String> panels = new ArrayList<>();
        for (int c = 0; c < chart.categories().size(); c++) {
            panels.add(panel(chart, c, emphasised, 0, 0).close("svg").toString());
        }
        return panels;
    }

    /** The panels stacked in one SVG file, for download. */
    public static String standalone(BarChart chart, Predicate<String> emphasised) {
        int height = chart.categories().size() * (height(chart) + 12) + 40;
        Svg svg = Svg.chart(chart.id(), chart.title(), chart.description(), WIDTH, height);
        int y = 40;
        for (int c = 0; c < chart.categories().size(); c++) {
            String panel = panel(chart, c, emphasised, 0, y).close("svg").toString();
            svg = svg.raw(panel);
            y += height(chart) + 12;
        }
        return svg.close("svg").toString();
    }

    private static int height(BarChart chart) {
        return TOP + chart.series().size() * ROW + BOTTOM;
    }

    private static Svg panel(BarChart chart, int c, Predicate<String> emphasised, int x, int y) {
        String category = chart.categories().get(c);
        String unit = chart.unit() == null || chart.unit().isBlank() ? "" : " " + chart.unit();
        int height = height(chart);
        String id = chart.id() + "-" + c;
        Svg svg = new Svg();
        svg.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + WIDTH + " " + height,
                "width",
                Integer.toString(WIDTH),
                "height",
                Integer.toString(height),
                "x",
                Integer.toString(x),
                "y",
                Integer.toString(y),
                "role",
                "img",
                "aria-labelledby",
                id + "-title " + id + "-desc",
                "class",
                "chart multiple",
                "id",
                id);
        svg.element("title", category + " (" + chart.title() + ")", "id", id + "-title");
        svg.element(
                "desc",
                "Horizontal bars of " + category + ", one per model: " + chart.description(),
                "id",
                id + "-desc");
        svg.element(
                "text",
                shortened(category, TITLE_CHARACTERS),
                "x",
                "4",
                "y",
                "20",
                "font-size",
                "14",
                "font-weight",
                "600",
                "class",
                "chart-title");
        double max = chart.series().stream()
                .map(s -> s.values().get(c))
                .filter(Objects::nonNull)
                .mapToDouble(Datum::value)
                .max()
                .orElse(0);
        double scale = max <= 0 ? 1 : NiceScale.forMaximum(max, 4).max();
        double plot = WIDTH - LABEL - VALUE;
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            Datum datum = series.values().get(c);
            boolean strong = emphasised.test(series.name());
            double rowY = TOP + s * ROW;
            double middle = rowY + ROW / 2.0;
            svg.open("g", "class", strong ? "row emphasised" : "row");
            svg.open("text", rowText(LABEL - 6, middle, "end", strong, "series", false));
            if (series.name().length() > NAME_CHARACTERS) {
                svg.element("title", series.name());
            }
            svg.text(shortened(series.name(), NAME_CHARACTERS)).close("text");
            if (datum == null) {
                svg.open(
                        "text",
                        "x",
                        Svg.num(LABEL),
                        "y",
                        Svg.num(middle),
                        "dominant-baseline",
                        "central",
                        "font-size",
                        "12",
                        "fill",
                        "#57606a",
                        "class",
                        "gap");
                svg.element("title", series.name() + " — " + category + ": no published value");
                svg.text("not published").close("text");
                svg.close("g");
                continue;
            }
            double width = Math.max(1, Math.max(0, datum.value()) / scale * plot);
            svg.open(
                    "rect",
                    "x",
                    Svg.num(LABEL),
                    "y",
                    Svg.num(rowY + 3),
                    "width",
                    Svg.num(width),
                    "height",
                    Svg.num(ROW - 6),
                    "fill",
                    strong ? Palette.forModel(series.name()) : Palette.MUTED,
                    "class",
                    "bar");
            svg.element("title", series.name() + " — " + category + ": " + datum.text() + unit);
            svg.close("rect");
            svg.open("text", rowText(LABEL + width + 4, middle, "start", strong, "value", true))
                    .text(datum.text())
                    .close("text");
            svg.close("g");
        }
        return svg;
    }

    /**
     * The attributes of a row's name or value: 12-unit text centred on the row, bold when emphasised; a value is
     * hidden from screen readers, which read it from its bar's title.
     */
    private static String[] rowText(
            double x, double middle, String anchor, boolean strong, String cssClass, boolean hidden) {
        return new String[] {
            "aria-hidden",
            Boolean.toString(hidden),
            "x",
            Svg.num(x),
            "y",
            Svg.num(middle),
            "text-anchor",
            anchor,
            "dominant-baseline",
            "central",
            "font-size",
            "12",
            "font-weight",
            strong ? "600" : "400",
            "fill",
            "#1b1f24",
            "class",
            cssClass
        };
    }

    /** A text cut to {@code characters} with an ellipsis, never inside a character. */
    static String shortened(String text, int characters) {
        if (text.codePointCount(0, text.length()) <= characters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, characters - 1)) + "…";
    }
}
