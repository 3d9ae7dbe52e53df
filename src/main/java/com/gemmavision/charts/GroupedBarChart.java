package com.gemmavision.charts;

/** Vertical bars side by side, one per series in each category; a missing value leaves a marked gap. */
public final class GroupedBarChart {

    private GroupedBarChart() {}

    public static String render(BarChart chart) {
        double max = chart.series().stream()
                .flatMap(s -> s.values().stream())
                .filter(d -> d != null)
                .mapToDouble(Datum::value)
                .max()
                .orElse(0);
        int bars = chart.series().size();
        String unit = chart.unit() == null || chart.unit().isBlank() ? "" : " " + chart.unit();
        return CategoryPlot.render(chart, max, bars, (svg, c, x, width, y) -> {
            String category = chart.categories().get(c);
            double barWidth = width / bars;
            svg.open("g", "class", "group");
            for (int s = 0; s < bars; s++) {
                Series series = chart.series().get(s);
                Datum datum = series.values().get(c);
                double barX = x + s * barWidth;
                double centre = barX + barWidth / 2;
                if (datum == null) {
                    svg.open(
                            "text",
                            "x",
                            Svg.num(centre),
                            "y",
                            Svg.num(y.y(0) - 4),
                            "text-anchor",
                            "middle",
                            "font-size",
                            "11",
                            "class",
                            "gap");
                    svg.element("title", series.name() + " — " + category + ": no published value");
                    svg.text(barWidth >= 22 ? "n/a" : "·").close("text");
                    continue;
                }
                double top = y.y(datum.value());
                svg.open(
                        "rect",
                        "x",
                        Svg.num(barX + 1),
                        "y",
                        Svg.num(top),
                        "width",
                        Svg.num(Math.max(1, barWidth - 2)),
                        "height",
                        Svg.num(y.y(0) - top),
                        "fill",
                        Palette.forSeries(series.name(), s),
                        "class",
                        "bar");
                svg.element("title", series.name() + " — " + category + ": " + datum.text() + unit);
                svg.close("rect");
                // a value label is drawn only where it fits over its bar (about 6.5 units a character at 11)
                if (datum.label().length() * 6.5 <= barWidth + 2) {
                    svg.element(
                            "text",
                            datum.label(),
                            "x",
                            Svg.num(centre),
                            "y",
                            Svg.num(top - 4),
                            "text-anchor",
                            "middle",
                            "font-size",
                            "11",
                            "class",
                            "value",
                            "aria-hidden",
                            "true");
                }
            }
            svg.close("g");
        });
    }
}
