package com.gemmavision.charts;

/** The Okabe-Ito palette: distinguishable with the common forms of colour blindness. */
final class Palette {

    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
    };

    private Palette() {}

    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
