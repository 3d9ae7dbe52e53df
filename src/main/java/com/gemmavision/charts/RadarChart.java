package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A radar (spider) chart: one axis per category on a common 0 to max scale, one outline per series. A series
 * with no value on an axis leaves a gap there: its outline is broken and the axis marked, never drawn at zero.
 */
public final class RadarChart {

    public record Data(
            String id,
            String title,
            String description,
            List<String> axes,
            List<Series> series,
            double max,
            String unit) {
        public Data {
            Objects.requireNonNull(id);
            axes = List.copyOf(axes);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != axes.size()) {
                    throw new IllegalArgumentException("Series '" + s.name() + "' needs one value per axis");
                }
            }
        }
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 520;
    private static final double CX = 360;
    private static final double CY = 250;
    private static final double RADIUS = 170;

    private RadarChart() {}

    public static String render(Data data) {
        Svg svg = Svg.chart(data.id(), data.title(), data.description(), WIDTH, HEIGHT);
        int n = data.axes().size();
        if (n < 3 || data.series().isEmpty()) {
            return Svg.nothingToDraw(svg, CX, CY);
        }
        grid(svg, data, n);
        for (int s = 0; s < data.series().size(); s++) {
            outline(svg, data, data.series().get(s), s, n);
        }
        gaps(svg, data, n);
        legend(svg, data.series());
        return svg.close("svg").toString();
    }

    /** One mark near the centre of each axis some series have no data for, naming them all in its tooltip. */
    private static void gaps(Svg svg, Data data, int n) {
        for (int a = 0; a < n; a++) {
            int axis = a;
            List<String> missing = data.series().stream()
                    .filter(s -> s.values().get(axis) == null)
                    .map(Series::name)
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            double[] p = at(a, n, 0.12);
            svg.open(
                    "text",
                    "x",
                    Svg.num(p[0]),
                    "y",
                    Svg.num(p[1]),
                    "fill",
                    "#57606a",
                    "font-size",
                    "13",
                    "text-anchor",
                    "middle",
                    "dominant-baseline",
                    "central",
                    "class",
                    "gap");
            svg.element("title", data.axes().get(a) + ": no published data for " + String.join(", ", missing));
            svg.text("×").close("text");
        }
    }

    private static double[] at(int axis, int n, double fraction) {
        double angle = -Math.PI / 2 + 2 * Math.PI * axis / n;
        return new double[] {CX + Math.cos(angle) * RADIUS * fraction, CY + Math.sin(angle) * RADIUS * fraction};
    }

    private static void grid(Svg svg, Data data, int n) {
        svg.open("g", "class", "grid", "font-size", "11");
        for (int ring = 1; ring <= 4; ring++) {
            List<String> points = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                double[] p = at(a, n, ring / 4.0);
                points.add(Svg.num(p[0]) + "," + Svg.num(p[1]));
            }
            svg.empty("polygon", "points", String.join(" ", points), "fill", "none", "stroke", "#ddd");
            double[] label = at(0, n, ring / 4.0);
            svg.element(
                    "text",
                    NiceScale.format(data.max() * ring / 4),
                    "x",
                    Svg.num(label[0] + 4),
                    "y",
                    Svg.num(label[1] - 2),
                    "fill",
                    "#666");
        }
        for (int a = 0; a < n; a++) {
            double[] end = at(a, n, 1);
            svg.empty(
                    "line",
                    "x1",
                    Svg.num(CX),
                    "y1",
                    Svg.num(CY),
                    "x2",
                    Svg.num(end[0]),
                    "y2",
                    Svg.num(end[1]),
                    "stroke",
                    "#bbb");
            double[] label = at(a, n, 1.13);
            String anchor = Math.abs(label[0] - CX) < 10 ? "middle" : label[0] > CX ? "start" : "end";
            svg.element(
                    "text",
                    data.axes().get(a),
                    "x",
                    Svg.num(label[0]),
                    "y",
                    Svg.num(label[1]),
                    "text-anchor",
                    anchor,
                    "dominant-baseline",
                    "middle",
                    "font-size",
                    "13",
                    "class",
                    "axis-label");
        }
        svg.close("g");
    }

    private static void outline(Svg svg, Data data, Series series, int index, int n) {
        String colour = Palette.forModel(series.name());
        String unit = data.unit() == null || data.unit().isBlank() ? "" : " " + data.unit();
        svg.open("g", "class", "series");
        // Consecutive axes with values are joined; a gap breaks the outline.
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int a = 0; a <= n; a++) {
            Datum datum = series.values().get(a % n);
            if (datum == null) {
                if (run.size() > 1) {
                    runs.add(run);
                }
                run = new ArrayList<>();
                if (a == n) {
                    break;
                }
                continue;
            }
            double[] p = at(a % n, n, Math.min(1, datum.value() / data.max()));
            run.add(Svg.num(p[0]) + "," + Svg.num(p[1]));
        }
        if (run.size() > 1) {
            runs.add(run);
        }
        boolean complete = series.values().stream().allMatch(Objects::nonNull);
        for (List<String> points : runs) {
            if (complete) {
                svg.empty(
                        "polygon",
                        "points",
                        String.join(" ", points.subList(0, n)),
                        "fill",
                        colour,
                        "fill-opacity",
                        "0.12",
                        "stroke",
                        colour,
                        "stroke-width",
                        "2");
            } else {
                svg.empty(
                        "polyline",
                        "points",
                        String.join(" ", points),
                        "fill",
                        "none",
                        "stroke",
                        colour,
                        "stroke-width",
                        "2");
            }
        }
        for (int a = 0; a < n; a++) {
            Datum datum = series.values().get(a);
            if (datum == null) {
                continue; // marked once per axis for every series without data (see gaps)
            }
            double[] p = at(a, n, Math.min(1, datum.value() / data.max()));
            svg.open("circle", "cx", Svg.num(p[0]), "cy", Svg.num(p[1]), "r", "4", "fill", colour, "class", "point");
            svg.element("title", series.name() + " — " + data.axes().get(a) + ": " + datum.text() + unit);
            svg.close("circle");
        }
        svg.close("g");
    }

    private static void legend(Svg svg, List<Series> series) {
        svg.open("g", "class", "legend", "font-size", "12");
        double x = 40;
        double y = HEIGHT - 40;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name();
            double width = 22 + name.length() * 7.0;
            if (x + width > WIDTH - 20) {
                x = 40;
                y += 18;
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
                    Palette.forModel(name));
            svg.element("text", name, "x", Svg.num(x + 16), "y", Svg.num(y));
            x += width + 12;
        }
        svg.close("g");
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
