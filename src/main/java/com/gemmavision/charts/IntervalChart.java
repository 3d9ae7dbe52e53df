package com.gemmavision.charts;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Horizontal bars with confidence whiskers, one row per item, such as Chatbot Arena Elo with its 95% interval.
 * The value axis starts where the data do (stated on the axis), so close scores stay distinguishable.
 */
public final class IntervalChart {

    /** One row: its label, value and interval (value - minus to value + plus), and whether to highlight it. */
    public record Row(String label, double value, double plus, double minus, String text, boolean highlighted) {}

    public record Data(String id, String title, String description, String valueLabel, List<Row> rows) {
        public Data {
            Objects.requireNonNull(id);
            rows = List.copyOf(rows);
        }
    }

    private static final int WIDTH = 720;
    private static final int LEFT = 260;
    private static final int RIGHT = 30;
    private static final int TOP = 44;
    private static final int ROW = 20;

    private IntervalChart() {}

    public static String render(Data data) {
        int height = TOP + Math.max(1, data.rows().size()) * ROW + 60;
        Svg svg = Svg.chart(data.id(), data.title(), data.description(), WIDTH, height);
        if (data.rows().isEmpty()) {
            return Svg.nothingToDraw(svg, WIDTH / 2.0, TOP + 20);
        }
        double low = data.rows().stream()
                .mapToDouble(r -> r.value() - r.minus())
                .min()
                .orElse(0);
        double high = data.rows().stream()
                .mapToDouble(r -> r.value() + r.plus())
                .max()
                .orElse(1);
        double step = NiceScale.forMaximum(high - low, 6).step();
        double axisMin = Math.floor(low / step) * step - step;
        double axisMax = Math.ceil(high / step) * step;
        DoubleUnaryOperator x = v -> LEFT + (v - axisMin) / (axisMax - axisMin) * (WIDTH - LEFT - RIGHT);
        double bottom = TOP + data.rows().size() * ROW;

        svg.open("g", "class", "axis", "font-size", "11");
        for (double tick = axisMin; tick <= axisMax + 1e-9; tick += step) {
            String xx = Svg.num(x.applyAsDouble(tick));
            svg.empty("line", "x1", xx, "x2", xx, "y1", Svg.num(TOP), "y2", Svg.num(bottom), "stroke", "#e5e5e5");
            svg.element("text", NiceScale.format(tick), "x", xx, "y", Svg.num(bottom + 14), "text-anchor", "middle");
        }
        svg.element(
                "text",
                data.valueLabel() + " (axis starts at " + NiceScale.format(axisMin) + ")",
                "x",
                Svg.num((LEFT + WIDTH - RIGHT) / 2.0),
                "y",
                Svg.num(bottom + 34),
                "text-anchor",
                "middle");
        svg.close("g");

        for (int i = 0; i < data.rows().size(); i++) {
            Row row = data.rows().get(i);
            double y = TOP + i * ROW;
            String colour = row.highlighted() ? Palette.colour(0) : "#9aa4ad";
            String tooltip = row.label() + ": " + row.text() + " (95% CI +" + NiceScale.format(row.plus()) + " / -"
                    + NiceScale.format(row.minus()) + ")";
            svg.open("g", "class", row.highlighted() ? "row highlighted" : "row");
            svg.element(
                    "text",
                    row.label(),
                    "x",
                    Svg.num(LEFT - 6),
                    "y",
                    Svg.num(y + ROW / 2.0),
                    "text-anchor",
                    "end",
                    "dominant-baseline",
                    "middle",
                    "font-size",
                    "11",
                    "font-weight",
                    row.highlighted() ? "700" : "400");
            svg.open(
                    "rect",
                    "x",
                    Svg.num(LEFT),
                    "y",
                    Svg.num(y + 4),
                    "width",
                    Svg.num(x.applyAsDouble(row.value()) - LEFT),
                    "height",
                    Svg.num(ROW - 8),
                    "fill",
                    colour,
                    "class",
                    "bar");
            svg.element("title", tooltip);
            svg.close("rect");
            double lo = x.applyAsDouble(row.value() - row.minus());
            double hi = x.applyAsDouble(row.value() + row.plus());
            double mid = y + ROW / 2.0;
            svg.open("g", "class", "whisker", "stroke", "#222", "stroke-width", "1.5");
            svg.element("title", tooltip);
            svg.empty("line", "x1", Svg.num(lo), "x2", Svg.num(hi), "y1", Svg.num(mid), "y2", Svg.num(mid));
            svg.empty("line", "x1", Svg.num(lo), "x2", Svg.num(lo), "y1", Svg.num(mid - 4), "y2", Svg.num(mid + 4));
            svg.empty("line", "x1", Svg.num(hi), "x2", Svg.num(hi), "y1", Svg.num(mid - 4), "y2", Svg.num(mid + 4));
            svg.close("g");
            svg.close("g");
        }
        return svg.close("svg").toString();
    }
}
