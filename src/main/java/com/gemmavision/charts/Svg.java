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
            out.append(' ').append(nameValuePairs[i]).append("=\"").append(escape(nameValuePairs[i + 1])).append('"');
        }
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
