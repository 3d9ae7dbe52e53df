package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame shared by vertical bar charts: accessible name, title, value axis with nice ticks and gridlines,
 * category labels and legend. The chart type only draws the bars of each category band.
 */
final class CategoryPlot {

    static final int MIN_WIDTH = 720;
    static final int HEIGHT = 400;
    private static final int LEFT = 76;
    private static final int RIGHT = 16;
    private static final int TOP = 44;
    private static final int BOTTOM = 92;
    private static final double BAND_PADDING = 0.2;

    /** Draws the bars of one category inside its band; {@code y} maps a value to its SVG y coordinate. */
    interface BandDrawer {
        void draw(Svg svg, int category, double bandX, double bandWidth, Scale y);
    }

    /** Maps values to y coordinates of the plot area. */
    record Scale(double max, double plotTop, double plotBottom) {
        double y(double value) {
            return plotBottom - (value / max) * (plotBottom - plotTop);
        }
    }

    private CategoryPlot() {}

    /** Characters of a category label on one line; a longer label wraps at its spaces, onto at most 3 lines. */
    static final int LINE_CHARACTERS = 16;

    private static final int LINES = 3;

    /** Units a character of 12-unit text takes, generously (the widest Latin letters excepted). */
    static final double CHARACTER_WIDTH = 7.2;

    /**
     * Wide enough for every bar and every label to stay readable: at least 12 units a bar, 60 a category, and
     * room for the longest line of any category label, so neighbouring labels never run into each other.
     */
    static int width(BarChart chart, int barsPerCategory) {
        int longestLine = chart.categories().stream()
                .flatMap(c -> lines(c).stream())
                .mapToInt(String::length)
                .max()
                .orElse(0);
        int perCategory =
                (int) Math.ceil(Math.max(Math.max(60, barsPerCategory * 12 + 16), longestLine * CHARACTER_WIDTH + 12));
        return Math.max(MIN_WIDTH, LEFT + RIGHT + chart.categories().size() * perCategory);
    }

    /** A label broken at its spaces into lines of at most {@link #LINE_CHARACTERS} (a longer word stays whole). */
    static List<String> lines(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, LINES));
            kept.set(LINES - 1, kept.get(LINES - 1) + "…");
            return kept;
        }
        return lines;
    }

    static String render(BarChart chart, double dataMax, int barsPerCategory, BandDrawer drawer) {
        final int plotWidth = width(chart, barsPerCategory);
        Svg svg = Svg.chart(chart.id(), chart.title(), chart.description(), plotWidth, HEIGHT);
        double plotTop = TOP;
        double plotBottom = HEIGHT - BOTTOM;
        if (chart.isEmpty()) {
            return Svg.nothingToDraw(svg, plotWidth / 2.0, (plotTop + plotBottom) / 2);
        }
        double max = chart.reference() == null
                ? dataMax
                : Math.max(dataMax, chart.reference().value());
        NiceScale scale = NiceScale.forMaximum(max, 6);
        Scale y = new Scale(scale.max(), plotTop, plotBottom);
        valueAxis(svg, chart, scale, y, plotWidth);
        double bandWidth =
                (plotWidth - LEFT - RIGHT) / (double) chart.categories().size();
        for (int c = 0; c < chart.categories().size(); c++) {
            double bandX = LEFT + c * bandWidth;
            double inner = bandWidth * (1 - BAND_PADDING);
            drawer.draw(svg, c, bandX + (bandWidth - inner) / 2, inner, y);
            List<String> lines = lines(chart.categories().get(c));
            String x = Svg.num(bandX + bandWidth / 2);
            svg.open(
                    "text",
                    "y",
                    Svg.num(plotBottom + 18),
                    "text-anchor",
                    "middle",
                    "font-size",
                    "12",
                    "class",
                    "category");
            if (lines.size() > 1 || !lines.get(0).equals(chart.categories().get(c))) {
                svg.element("title", chart.categories().get(c));
            }
            for (int l = 0; l < lines.size(); l++) {
                svg.element("tspan", lines.get(l), "x", x, "dy", l == 0 ? "0" : "14");
            }
            svg.close("text");
        }
        svg.empty(
                "line",
                "x1",
                Svg.num(LEFT),
                "x2",
                Svg.num(plotWidth - RIGHT),
                "y1",
                Svg.num(plotBottom),
                "y2",
                Svg.num(plotBottom),
                "stroke",
                "#333");
        if (chart.reference() != null) {
            String yy = Svg.num(y.y(chart.reference().value()));
            svg.open("g", "class", "reference");
            svg.open(
                    "line",
                    "x1",
                    Svg.num(LEFT),
                    "x2",
                    Svg.num(plotWidth - RIGHT),
                    "y1",
                    yy,
                    "y2",
                    yy,
                    "stroke",
                    "#D55E00",
                    "stroke-width",
                    "2",
                    "stroke-dasharray",
                    "6 4");
            svg.element("title", chart.reference().label());
            svg.close("line");
            svg.element(
                    "text",
                    chart.reference().label(),
                    "x",
                    Svg.num(plotWidth - RIGHT - 4),
                    "y",
                    Svg.num(y.y(chart.reference().value()) - 5),
                    "text-anchor",
                    "end",
                    "font-size",
                    "11",
                    "fill",
                    "#D55E00");
            svg.close("g");
        }
        int labelLines =
                chart.categories().stream().mapToInt(c -> lines(c).size()).max().orElse(1);
        legend(svg, chart.series(), plotBottom + 40 + 14 * (labelLines - 1), plotWidth);
        return svg.close("svg").toString();
    }

    private static void valueAxis(Svg svg, BarChart chart, NiceScale scale, Scale y, int plotWidth) {
        svg.open("g", "class", "axis", "font-size", "11");
        for (double tick : scale.ticks()) {
            Axes.valueLine(svg, NiceScale.format(tick), y.y(tick), LEFT, plotWidth - RIGHT);
        }
        Axes.valueTitle(svg, chart.valueAxisLabel(), y.plotTop(), y.plotBottom());
        svg.close("g");
    }

    private static void legend(Svg svg, List<Series> series, double top, int plotWidth) {
        svg.open("g", "class", "legend", "font-size", "12");
        double x = LEFT;
        double y = top;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name();
            double entryWidth = 22 + name.length() * CHARACTER_WIDTH;
            if (x + entryWidth > plotWidth - RIGHT) {
                x = LEFT;
                y += 20;
            }
            svg.empty(
                    "rect",
                    "x",
                    Svg.num(x),
                    "y",
                    Svg.num(y - 10),
                    "width",
                    "12",
                    "height",
                    "12",
                    "fill",
                    Palette.forSeries(name, s));
            svg.element("text", name, "x", Svg.num(x + 16), "y", Svg.num(y), "dominant-baseline", "auto");
            x += entryWidth + 12;
        }
        svg.close("g");
    }
}
