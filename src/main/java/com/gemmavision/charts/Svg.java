package com.gemmavision.charts;

import java.util.Locale;

/** A small SVG text writer that escapes every piece of text and attribute it is given. */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    Svg open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Svg empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Svg close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Markup made by another {@code Svg} (a nested panel), appended as it is. */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element holding only text, such as {@code <title>} or {@code <text>}. */
    Svg element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    private void attributes(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs");
        }
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            out.append(' ')
                    .append(nameValuePairs[i])
                    .append("=\"")
                    .append(escape(nameValuePairs[i + 1]))
                    .append('"');
        }
    }

    /**
     * Opens a chart: the root element with a responsive viewBox and its accessible name (title and
     * description), and the visible title centred on top.
     */
    static Svg chart(String id, String title, String description, int width, int height) {
        Svg svg = new Svg();
        svg.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + width + " " + height,
                // drawn at its own size (its box scrolls on a narrow screen), so its 11-15 px text stays that size
                "width",
                Integer.toString(width),
                "height",
                Integer.toString(height),
                "role",
                "img",
                "aria-labelledby",
                id + "-title " + id + "-desc",
                "class",
                "chart",
                "id",
                id);
        svg.element("title", title, "id", id + "-title");
        svg.element("desc", description, "id", id + "-desc");
        svg.element(
                "text",
                title,
                "x",
                num(width / 2.0),
                "y",
                "22",
                "text-anchor",
                "middle",
                "font-size",
                "15",
                "font-weight",
                "600",
                "class",
                "chart-title");
        return svg;
    }

    /** Closes a chart that has nothing to draw, saying so. */
    static String nothingToDraw(Svg svg, double x, double y) {
        svg.element(
                "text",
                "Nothing selected to draw.",
                "x",
                num(x),
                "y",
                num(y),
                "text-anchor",
                "middle",
                "font-size",
                "13");
        return svg.close("svg").toString();
    }

    static String num(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
