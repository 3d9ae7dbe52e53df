package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis from zero to a "nice" maximum with round tick steps (1, 2, 2.5 or 5 times a power of ten),
 * so gridlines fall on numbers a reader can use.
 */
record NiceScale(double max, double step) {

    /** The finest nice step that covers {@code dataMax} in at most {@code maxIntervals} intervals. */
    static NiceScale forMaximum(double dataMax, int maxIntervals) {
        if (dataMax <= 0) {
            return new NiceScale(1, 0.2);
        }
        int intervals = Math.max(1, maxIntervals);
        double magnitude = Math.pow(10, Math.floor(Math.log10(dataMax / intervals)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            step = factor * magnitude;
            if (Math.ceil(dataMax / step - 1e-9) <= intervals) {
                break;
            }
        }
        double max = Math.ceil(dataMax / step - 1e-9) * step;
        return new NiceScale(max, step);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        int count = (int) Math.round(max / step);
        for (int i = 0; i <= count; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    static String format(double tick) {
        if (tick == Math.rint(tick) && Math.abs(tick) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) tick);
        }
        String text = String.format(Locale.ROOT, "%.2f", tick);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
