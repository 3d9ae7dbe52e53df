package com.gemmavision.charts;

/** The axes the point charts share: gridlines with their labels, axis titles and the baseline. */
final class Axes {

    private Axes() {}

    /** A horizontal gridline at {@code y} across the plot, labelled with its value on the left. */
    static void valueLine(Svg svg, String label, double y, double left, double right) {
        String yy = Svg.num(y);
        svg.empty("line", "x1", Svg.num(left), "x2", Svg.num(right), "y1", yy, "y2", yy, "stroke", "#ddd");
        svg.element(
                "text", label, "x", Svg.num(left - 6), "y", yy, "text-anchor", "end", "dominant-baseline", "middle");
    }

    /** A vertical gridline at {@code x} down the plot, labelled below it. */
    static void categoryLine(Svg svg, String label, double x, double top, double bottom) {
        String xx = Svg.num(x);
        svg.empty("line", "x1", xx, "x2", xx, "y1", Svg.num(top), "y2", Svg.num(bottom), "stroke", "#eee");
        svg.element("text", label, "x", xx, "y", Svg.num(bottom + 16), "text-anchor", "middle");
    }

    /** The value axis's title, turned along the left edge beside the plot. */
    static void valueTitle(Svg svg, String label, double top, double bottom) {
        double middle = (top + bottom) / 2;
        svg.element(
                "text",
                label,
                "x",
                "16",
                "y",
                Svg.num(middle),
                "text-anchor",
                "middle",
                "transform",
                "rotate(-90 16 " + Svg.num(middle) + ")");
    }

    /** The x title under the axis, the y title turned along the left edge, and the baseline. */
    static void titles(Svg svg, String xLabel, String yLabel, double left, double right, double top, double bottom) {
        svg.element(
                "text", xLabel, "x", Svg.num((left + right) / 2), "y", Svg.num(bottom + 36), "text-anchor", "middle");
        valueTitle(svg, yLabel, top, bottom);
        svg.empty(
                "line",
                "x1",
                Svg.num(left),
                "x2",
                Svg.num(right),
                "y1",
                Svg.num(bottom),
                "y2",
                Svg.num(bottom),
                "stroke",
                "#333");
    }
}
