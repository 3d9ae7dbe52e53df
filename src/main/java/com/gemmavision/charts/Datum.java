package com.gemmavision.charts;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One value to draw, with the text that states it exactly (as the source prints it, e.g. "2.9" or "9.48"),
 * which is what tooltips show.
 */
public record Datum(double value, String text) {

    public Datum {
        Objects.requireNonNull(text, "text");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A chart value must be finite: " + value);
        }
    }

    /** The figure alone, as a label on the chart shows it: the text without a bracketed explanation. */
    public String label() {
        int bracket = text.indexOf(" (");
        return bracket > 0 ? text.substring(0, bracket) : text;
    }

    public static Datum of(BigDecimal value, String text) {
        return new Datum(value.doubleValue(), text);
    }

    /** A whole number, stated with thousands separators ("3,209"). */
    public static Datum of(long value) {
        return new Datum(value, String.format(Locale.ROOT, "%,d", value));
    }
}
