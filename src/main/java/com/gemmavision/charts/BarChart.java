package com.gemmavision.charts;

import java.util.List;
import java.util.Objects;

/**
 * The data of a bar chart: categories along the x axis, series as bar segments (stacked) or bars side by side
 * (grouped). {@code id} must be unique in the page: it names the SVG title and description elements.
 */
public record BarChart(
        String id,
        String title,
        String description,
        String valueAxisLabel,
        String unit,
        List<String> categories,
        List<Series> series,
        ReferenceLine reference) {

    public BarChart(
            String id,
            String title,
            String description,
            String valueAxisLabel,
            String unit,
            List<String> categories,
            List<Series> series) {
        this(id, title, description, valueAxisLabel, unit, categories, series, null);
    }

    public BarChart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series '" + s.name() + "' has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    boolean isEmpty() {
        return categories.isEmpty() || series.isEmpty();
    }
}
