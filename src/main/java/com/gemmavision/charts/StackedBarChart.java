package com.gemmavision.charts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Vertical bars made of one segment per series, with the stack total above each bar. */
public final class StackedBarChart {

    private StackedBarChart() {}

    public static String render(BarChart chart) {
        double max = 0;
        for (int c = 0; c < chart.categories().size(); c++) {
            max = Math.max(max, total(chart, c).doubleValue());
        }
        return CategoryPlot.render(chart, max, 1, (svg, c, x, width, y) -> {
            String category = chart.categories().get(c);
            double running = 0;
            svg.open("g", "class", "stack");
            for (int s = 0; s < chart.series().size(); s++) {
                Series series = chart.series().get(s);
                Datum datum = series.values().get(c);
                if (datum == null || datum.value() == 0) {
                    continue;
                }
                double top = y.y(running + datum.value());
                double height = y.y(running) - top;
                svg.open(
                        "rect",
                        "x",
                        Svg.num(x),
                        "y",
                        Svg.num(top),
                        "width",
                        Svg.num(width),
                        "height",
                        Svg.num(height),
                        "fill",
                        Palette.forSeries(series.name(), s),
                        "class",
                        "bar");
                svg.element("title", series.name() + " — " + category + ": " + datum.text() + unit(chart));
                svg.close("rect");
                running += datum.value();
            }
            String totalText = formatTotal(chart, total(chart, c));
            svg.open(
                    "text",
                    "x",
                    Svg.num(x + width / 2),
                    "y",
                    Svg.num(y.y(running) - 6),
                    "text-anchor",
                    "middle",
                    "font-size",
                    "12",
                    "class",
                    "total");
            svg.element("title", "Total — " + category + ": " + totalText + unit(chart) + " (sum of the segments)");
            svg.text(totalText).close("text");
            svg.close("g");
        });
    }

    /** The exact sum of a stack, from the printed values so no floating-point noise reaches the label. */
    static BigDecimal total(BarChart chart, int category) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Series series : chart.series()) {
            Datum datum = series.values().get(category);
            if (datum != null) {
                sum = sum.add(new BigDecimal(datum.text().replace(",", "")));
            }
        }
        return sum;
    }

    /** The sum in the style of its parts: thousands separators if they use them, their number of decimals. */
    static String formatTotal(BarChart chart, BigDecimal total) {
        boolean grouped = chart.series().stream()
                .flatMap(s -> s.values().stream())
                .anyMatch(d -> d != null && d.text().contains(","));
        DecimalFormat format =
                new DecimalFormat(grouped ? "#,##0" : "0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, total.scale()));
        format.setMaximumFractionDigits(Math.max(0, total.scale()));
        return format.format(total);
    }

    private static String unit(BarChart chart) {
        return chart.unit() == null || chart.unit().isBlank() ? "" : " " + chart.unit();
    }
}
