package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Lines of points over a logarithmic (base 2) x axis, such as memory against context length. Every point has
 * a tooltip with its exact value; a dashed series is drawn dashed, and the legend says which is which.
 */
public final class LineChart {

    /** A point: x value, y value and the exact text of y. */
    public record Point(double x, double y, String text) {}

    public record Line(String name, List<Point> points, boolean dashed, int colour) {
        public Line {
            points = List.copyOf(points);
        }
    }

    public record Data(
            String id, String title, String description, String xLabel, String yLabel, String unit, List<Line> lines) {
        public Data {
            Objects.requireNonNull(id);
            lines = List.copyOf(lines);
        }
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 76;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    private static final int BOTTOM = 120;

    private LineChart() {}

    public static String render(Data data) {
        Svg svg = Svg.chart(data.id(), data.title(), data.description(), WIDTH, HEIGHT);
        List<Point> all =
                data.lines().stream().flatMap(l -> l.points().stream()).toList();
        double plotBottom = HEIGHT - BOTTOM;
        if (all.isEmpty()) {
            return Svg.nothingToDraw(svg, WIDTH / 2.0, (TOP + plotBottom) / 2);
        }
        double minX = all.stream().mapToDouble(Point::x).min().orElse(1);
        double maxX = all.stream().mapToDouble(Point::x).max().orElse(2);
        double lo = Math.floor(log2(minX));
        double hi = Math.max(lo + 1, Math.ceil(log2(maxX)));
        NiceScale scale =
                NiceScale.forMaximum(all.stream().mapToDouble(Point::y).max().orElse(1), 6);
        CategoryPlot.Scale y = new CategoryPlot.Scale(scale.max(), TOP, plotBottom);
        DoubleUnaryOperator x = v -> LEFT + (log2(v) - lo) / (hi - lo) * (WIDTH - LEFT - RIGHT);

        svg.open("g", "class", "axis", "font-size", "11");
        for (double tick : scale.ticks()) {
            Axes.valueLine(svg, NiceScale.format(tick), y.y(tick), LEFT, WIDTH - RIGHT);
        }
        for (double power = lo; power <= hi; power++) {
            double value = Math.pow(2, power);
            Axes.categoryLine(svg, tokens(value), x.applyAsDouble(value), TOP, plotBottom);
        }
        Axes.titles(svg, data.xLabel(), data.yLabel(), LEFT, WIDTH - RIGHT, TOP, plotBottom);
        svg.close("g");

        String unit = data.unit() == null || data.unit().isBlank() ? "" : " " + data.unit();
        for (Line line : data.lines()) {
            String colour = Palette.colour(line.colour());
            List<String> coordinates = new ArrayList<>();
            for (Point p : line.points()) {
                coordinates.add(Svg.num(x.applyAsDouble(p.x())) + "," + Svg.num(y.y(p.y())));
            }
            svg.open("g", "class", "line");
            if (line.dashed()) {
                svg.empty(
                        "polyline",
                        "points",
                        String.join(" ", coordinates),
                        "fill",
                        "none",
                        "stroke",
                        colour,
                        "stroke-width",
                        "2",
                        "stroke-dasharray",
                        "6 4");
            } else {
                svg.empty(
                        "polyline",
                        "points",
                        String.join(" ", coordinates),
                        "fill",
                        "none",
                        "stroke",
                        colour,
                        "stroke-width",
                        "2");
            }
            for (Point p : line.points()) {
                svg.open(
                        "circle",
                        "cx",
                        Svg.num(x.applyAsDouble(p.x())),
                        "cy",
                        Svg.num(y.y(p.y())),
                        "r",
                        "3.5",
                        "fill",
                        line.dashed() ? "#fff" : colour,
                        "stroke",
                        colour,
                        "class",
                        "point");
                svg.element("title", line.name() + " — " + tokens(p.x()) + " tokens: " + p.text() + unit);
                svg.close("circle");
            }
            svg.close("g");
        }
        legend(svg, data.lines(), plotBottom + 62);
        return svg.close("svg").toString();
    }

    private static void legend(Svg svg, List<Line> lines, double top) {
        svg.open("g", "class", "legend", "font-size", "12");
        double xx = LEFT;
        double yy = top;
        for (Line line : lines) {
            double width = 34 + line.name().length() * 6.6;
            if (xx + width > WIDTH - RIGHT) {
                xx = LEFT;
                yy += 18;
            }
            String colour = Palette.colour(line.colour());
            if (line.dashed()) {
                svg.empty(
                        "line",
                        "x1",
                        Svg.num(xx),
                        "x2",
                        Svg.num(xx + 22),
                        "y1",
                        Svg.num(yy - 4),
                        "y2",
                        Svg.num(yy - 4),
                        "stroke",
                        colour,
                        "stroke-width",
                        "2",
                        "stroke-dasharray",
                        "6 4");
            } else {
                svg.empty(
                        "line",
                        "x1",
                        Svg.num(xx),
                        "x2",
                        Svg.num(xx + 22),
                        "y1",
                        Svg.num(yy - 4),
                        "y2",
                        Svg.num(yy - 4),
                        "stroke",
                        colour,
                        "stroke-width",
                        "2");
            }
            svg.element("text", line.name(), "x", Svg.num(xx + 28), "y", Svg.num(yy));
            xx += width + 10;
        }
        svg.close("g");
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    /** 1024 → "1K", 131072 → "128K", 512 → "512". */
    static String tokens(double value) {
        long v = Math.round(value);
        return v >= 1024 && v % 1024 == 0 ? (v / 1024) + "K" : String.format(Locale.ROOT, "%,d", v);
    }
}
