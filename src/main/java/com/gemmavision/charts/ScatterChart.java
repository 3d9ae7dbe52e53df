package com.gemmavision.charts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Options as points (one value across, one up), coloured by model, filled where they fit and hollow where they do
 * not, with a frontier drawn through the points no other beats on both axes and a vertical line (a GPU's memory).
 * Every point has a tooltip with its exact values; at most two points carry a visible mark (★ and 2nd).
 */
public final class ScatterChart {

    /**
     * @param colourKey model name, for {@link Palette#forModel}
     * @param filled    false draws a hollow point (an option that does not fit)
     * @param mark      "★", "2nd" or null
     */
    public record Point(
            double x, double y, String colourKey, String legend, boolean filled, String mark, String tooltip) {}

    public record Data(
            String id,
            String title,
            String description,
            String xLabel,
            String yLabel,
            List<Point> points,
            List<Point> frontier,
            ReferenceLine vertical) {
        public Data {
            Objects.requireNonNull(id);
            points = List.copyOf(points);
            frontier = List.copyOf(frontier);
        }
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    private static final int LEFT = 76;
    private static final int RIGHT = 30;
    private static final int TOP = 44;
    private static final int BOTTOM = 100;

    private ScatterChart() {}

    public static String render(Data data) {
        Svg svg = Svg.chart(data.id(), data.title(), data.description(), WIDTH, HEIGHT);
        double plotBottom = HEIGHT - BOTTOM;
        if (data.points().isEmpty()) {
            return Svg.nothingToDraw(svg, WIDTH / 2.0, (TOP + plotBottom) / 2);
        }
        double maxX = data.points().stream().mapToDouble(Point::x).max().orElse(1);
        if (data.vertical() != null) {
            maxX = Math.max(maxX, data.vertical().value());
        }
        NiceScale xScale = NiceScale.forMaximum(maxX, 8);
        double minY = data.points().stream().mapToDouble(Point::y).min().orElse(0);
        double maxY = data.points().stream().mapToDouble(Point::y).max().orElse(1);
        NiceScale span = NiceScale.forMaximum(Math.max(maxY - minY, 1), 5);
        double yLow = Math.floor(minY / span.step()) * span.step();
        double yHigh = yLow + Math.max(1, Math.ceil((maxY - yLow) / span.step() - 1e-9)) * span.step();
        DoubleUnaryOperator x = v -> LEFT + v / xScale.max() * (WIDTH - LEFT - RIGHT);
        DoubleUnaryOperator y = v -> plotBottom - (v - yLow) / (yHigh - yLow) * (plotBottom - TOP);

        svg.open("g", "class", "axis", "font-size", "11");
        for (double tick = yLow; tick <= yHigh + 1e-9; tick += span.step()) {
            Axes.valueLine(svg, NiceScale.format(tick), y.applyAsDouble(tick), LEFT, WIDTH - RIGHT);
        }
        for (double tick : xScale.ticks()) {
            Axes.categoryLine(svg, NiceScale.format(tick), x.applyAsDouble(tick), TOP, plotBottom);
        }
        Axes.titles(svg, data.xLabel(), data.yLabel(), LEFT, WIDTH - RIGHT, TOP, plotBottom);
        svg.close("g");

        if (data.vertical() != null) {
            // the line carries its label in a tooltip and in the legend, where no point can cover it
            String xx = Svg.num(x.applyAsDouble(data.vertical().value()));
            svg.open("g", "class", "reference");
            svg.element("title", data.vertical().label());
            svg.empty(
                    "line",
                    "x1",
                    xx,
                    "x2",
                    xx,
                    "y1",
                    Svg.num(TOP),
                    "y2",
                    Svg.num(plotBottom),
                    "stroke",
                    "#b00020",
                    "stroke-width",
                    "1.5",
                    "stroke-dasharray",
                    "5 4");
            svg.close("g");
        }

        if (data.frontier().size() > 1) {
            StringBuilder coordinates = new StringBuilder();
            data.frontier().stream()
                    .sorted(Comparator.comparingDouble(Point::x))
                    .forEach(p -> coordinates
                            .append(coordinates.isEmpty() ? "" : " ")
                            .append(Svg.num(x.applyAsDouble(p.x())))
                            .append(',')
                            .append(Svg.num(y.applyAsDouble(p.y()))));
            svg.open("g", "class", "frontier");
            svg.element("title", "Pareto frontier: no other option is better on both axes");
            svg.empty(
                    "polyline",
                    "points",
                    coordinates.toString(),
                    "fill",
                    "none",
                    "stroke",
                    "#555",
                    "stroke-width",
                    "1.5",
                    "stroke-dasharray",
                    "3 3");
            svg.close("g");
        }

        for (Point p : data.points()) {
            String colour = Palette.forModel(p.colourKey());
            double cx = x.applyAsDouble(p.x());
            double cy = y.applyAsDouble(p.y());
            svg.open(
                    "circle",
                    "cx",
                    Svg.num(cx),
                    "cy",
                    Svg.num(cy),
                    "r",
                    p.mark() != null ? "6" : "4.5",
                    "fill",
                    p.filled() ? colour : "#fff",
                    "stroke",
                    colour,
                    "stroke-width",
                    "2",
                    "class",
                    "point" + (data.frontier().contains(p) ? " on-frontier" : ""));
            svg.element("title", p.tooltip());
            svg.close("circle");
            if (p.mark() != null) {
                boolean star = p.mark().equals("★");
                svg.element(
                        "text",
                        p.mark(),
                        "x",
                        Svg.num(cx + 9),
                        "y",
                        Svg.num(star ? cy - 8 : cy + 16),
                        "font-size",
                        "13",
                        "font-weight",
                        "600",
                        "class",
                        "mark");
            }
        }

        Map<String, String> legend = new LinkedHashMap<>();
        data.points().forEach(p -> legend.putIfAbsent(p.legend(), p.colourKey()));
        svg.open("g", "class", "legend", "font-size", "12");
        double xx = LEFT;
        double yy = plotBottom + 62;
        for (Map.Entry<String, String> entry : legend.entrySet()) {
            double width = 34 + entry.getKey().length() * 7.4;
            if (xx + width > WIDTH - RIGHT) {
                xx = LEFT;
                yy += 18;
            }
            svg.empty(
                    "circle",
                    "cx",
                    Svg.num(xx + 6),
                    "cy",
                    Svg.num(yy - 4),
                    "r",
                    "4.5",
                    "fill",
                    Palette.forModel(entry.getValue()));
            svg.element("text", entry.getKey(), "x", Svg.num(xx + 16), "y", Svg.num(yy));
            xx += width;
        }
        // what the marks mean, on a line of their own
        xx = LEFT;
        yy += 18;
        svg.element(
                "text",
                "hollow: does not fit · dashed: the frontier",
                "x",
                Svg.num(xx),
                "y",
                Svg.num(yy),
                "fill",
                "#555");
        if (data.vertical() != null) {
            double after = xx + 300;
            svg.empty(
                    "line",
                    "x1",
                    Svg.num(after),
                    "x2",
                    Svg.num(after + 22),
                    "y1",
                    Svg.num(yy - 4),
                    "y2",
                    Svg.num(yy - 4),
                    "stroke",
                    "#b00020",
                    "stroke-width",
                    "1.5",
                    "stroke-dasharray",
                    "5 4");
            svg.element("text", data.vertical().label(), "x", Svg.num(after + 28), "y", Svg.num(yy), "fill", "#b00020");
        }
        svg.close("g");
        return svg.close("svg").toString();
    }
}
