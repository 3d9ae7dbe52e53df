package com.gemmavision.charts;

import java.util.ArrayList;
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
            double x,
            double y,
            String colourKey,
            String legend,
            boolean filled,
            String mark,
            String tooltip,
            boolean measured) {

        public Point(double x, double y, String colourKey, String legend, boolean filled, String mark, String tooltip) {
            this(x, y, colourKey, legend, filled, mark, tooltip, false);
        }
    }

    public record Data(
            String id,
            String title,
            String description,
            String xLabel,
            String yLabel,
            List<Point> points,
            List<Point> frontier,
            ReferenceLine vertical,
            String note) {
        public Data {
            Objects.requireNonNull(id);
            points = List.copyOf(points);
            frontier = List.copyOf(frontier);
        }

        public Data(
                String id,
                String title,
                String description,
                String xLabel,
                String yLabel,
                List<Point> points,
                List<Point> frontier,
                ReferenceLine vertical) {
            this(id, title, description, xLabel, yLabel, points, frontier, vertical, null);
        }
    }

    /** Where a point is drawn: at its values, or nudged up or down so that it does not cover another. */
    record Placed(Point point, double cx, double cy, double r) {}

    /** A mark's text box, as drawn. */
    record Box(double left, double top, double right, double bottom) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }

        boolean overlaps(Placed p) {
            double nx = Math.max(left, Math.min(p.cx(), right));
            double ny = Math.max(top, Math.min(p.cy(), bottom));
            return Math.hypot(p.cx() - nx, p.cy() - ny) < p.r() + 1;
        }
    }

    /** Vertical nudges tried in turn, in pixels: a model's formats share one score, so their points share a height. */
    private static final double[] NUDGES = {0, 9, -9, 18, -18, 27, -27};

    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;
    private static final int LEFT = 76;
    private static final int RIGHT = 30;
    private static final int TOP = 44;
    private static final int BOTTOM = 100;

    private ScatterChart() {}

    public static String render(Data data) {
        boolean measured = data.points().stream().anyMatch(Point::measured);
        Svg svg = Svg.chart(
                data.id(),
                data.title(),
                data.description(),
                WIDTH,
                HEIGHT + (data.note() == null ? 0 : 20) + (measured && data.vertical() != null ? 20 : 0));
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

        List<Placed> placed = place(data.points(), x, y);
        Map<Point, Placed> at = new LinkedHashMap<>();
        placed.forEach(p -> at.put(p.point(), p));

        if (data.frontier().size() > 1) {
            StringBuilder coordinates = new StringBuilder();
            data.frontier().stream()
                    .sorted(Comparator.comparingDouble(Point::x))
                    .forEach(p -> coordinates
                            .append(coordinates.isEmpty() ? "" : " ")
                            .append(Svg.num(at.get(p).cx()))
                            .append(',')
                            .append(Svg.num(at.get(p).cy())));
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

        Double lineX =
                data.vertical() == null ? null : x.applyAsDouble(data.vertical().value());
        List<Box> labels = new ArrayList<>();
        for (Placed placement : placed) {
            Point p = placement.point();
            String colour = Palette.forModel(p.colourKey());
            if (p.measured()) {
                // measured on the user's documents: a diamond, outlined in black beside the published circles
                double r = placement.r() + 2;
                double cx = placement.cx();
                double cy = placement.cy();
                svg.open(
                        "path",
                        "d",
                        "M" + Svg.num(cx) + "," + Svg.num(cy - r) + " L" + Svg.num(cx + r) + "," + Svg.num(cy) + " L"
                                + Svg.num(cx) + "," + Svg.num(cy + r) + " L" + Svg.num(cx - r) + "," + Svg.num(cy)
                                + " Z",
                        "fill",
                        colour,
                        "stroke",
                        "#111",
                        "stroke-width",
                        "1.5",
                        "class",
                        "point measured");
                svg.element("title", p.tooltip());
                svg.close("path");
                continue;
            }
            svg.open(
                    "circle",
                    "cx",
                    Svg.num(placement.cx()),
                    "cy",
                    Svg.num(placement.cy()),
                    "r",
                    Svg.num(placement.r()),
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
        }
        // the marks last, each where it covers no point, no other mark and not the GPU's line
        for (Placed placement : placed) {
            String mark = placement.point().mark();
            if (mark == null) {
                continue;
            }
            Box box = markBox(placement, mark, placed, labels, lineX, LEFT, WIDTH - RIGHT, TOP, plotBottom);
            labels.add(box);
            svg.element(
                    "text",
                    mark,
                    "x",
                    Svg.num(box.left()),
                    "y",
                    Svg.num(box.bottom() - 3),
                    "font-size",
                    "13",
                    "font-weight",
                    "600",
                    "class",
                    "mark");
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
                measured
                        ? "◆ measured on your documents · hollow: does not fit · dashed: the frontier"
                        : "hollow: does not fit · dashed: the frontier",
                "x",
                Svg.num(xx),
                "y",
                Svg.num(yy),
                "fill",
                "#555");
        if (data.vertical() != null) {
            if (measured) {
                yy += 18;
            }
            double after = measured ? xx : xx + 300;
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
        if (data.note() != null) {
            svg.element(
                    "text", data.note(), "x", Svg.num(LEFT), "y", Svg.num(yy + 18), "fill", "#555", "class", "note");
        }
        svg.close("g");
        return svg.close("svg").toString();
    }

    /**
     * Every point where it is drawn, in order of value across: at its values, or moved up or down by the first
     * nudge that keeps it off the points already placed (its tooltip keeps the exact values).
     */
    static List<Placed> place(List<Point> points, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        List<Placed> placed = new ArrayList<>();
        points.stream().sorted(Comparator.comparingDouble(Point::x)).forEach(p -> {
            double r = p.mark() != null ? 6 : 4.5;
            double cx = x.applyAsDouble(p.x());
            double cy = y.applyAsDouble(p.y());
            double chosen = cy;
            for (double nudge : NUDGES) {
                double candidate = cy + nudge;
                if (placed.stream().noneMatch(o -> Math.hypot(o.cx() - cx, o.cy() - candidate) < o.r() + r + 1)) {
                    chosen = candidate;
                    break;
                }
            }
            placed.add(new Placed(p, cx, chosen, r));
        });
        return placed;
    }

    /** The first of eight places around a point where its mark covers nothing, else the first place. */
    static Box markBox(
            Placed at,
            String mark,
            List<Placed> points,
            List<Box> labels,
            Double lineX,
            double left,
            double right,
            double top,
            double bottom) {
        double width = mark.codePointCount(0, mark.length()) * 9 + 1;
        double height = 14;
        double gap = at.r() + 3;
        double[][] offsets = {
            {gap, -height - 2}, {gap, 2}, {-gap - width, -height - 2}, {-gap - width, 2},
            {-width / 2, -gap - height}, {-width / 2, gap}, {gap, -height / 2}, {-gap - width, -height / 2}
        };
        Box first = null;
        for (double[] offset : offsets) {
            double l = at.cx() + offset[0];
            double t = at.cy() + offset[1];
            Box box = new Box(l, t, l + width, t + height);
            if (first == null) {
                first = box;
            }
            boolean clear = box.left() >= left
                    && box.right() <= right
                    && box.top() >= top - 16
                    && box.bottom() <= bottom
                    && (lineX == null || box.right() < lineX - 2 || box.left() > lineX + 2)
                    && points.stream().noneMatch(box::overlaps)
                    && labels.stream().noneMatch(box::overlaps);
            if (clear) {
                return box;
            }
        }
        return first;
    }
}
