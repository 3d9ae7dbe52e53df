package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from zero to a "nice" maximum with round tick steps (1, 2, 2.5 or 5 times a power of ten),
 * so gridlines fall on numbers a reader can use.
 */
record NiceScale(double max, double step) {

    static NiceScale forMaximum(double dataMax, int maxTicks) {
        if (dataMax <= 0) {
            return new NiceScale(1, 0.2);
        }
        double roughStep = dataMax / Math.max(1, maxTicks - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(roughStep)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            step = factor * magnitude;
            if (step >= roughStep) {
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
            return String.format(java.util.Locale.ROOT, "%,d", (long) tick);
        }
        String text = String.format(java.util.Locale.ROOT, "%.2f", tick);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
