package com.gemmavision.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gemmavision.charts.Datum;
import com.gemmavision.charts.RadarChart;
import com.gemmavision.charts.Series;

import org.springframework.stereotype.Service;

/**
 * The general-abilities radar in the spirit of the report's Figure 2, which is published only as a picture.
 * Each axis is the plain mean of the published pre-training scores the mapping (db/seed/radar_axes.csv)
 * assigns to it; a model with none of them has a gap on that axis. Everything here is derived.
 */
@Service
public class AbilityRadar {

    /** The pre-trained Gemma 2 models the report compares with. */
    static final List<String> GEMMA2 = List.of("Gemma2-2B", "Gemma2-9B", "Gemma2-27B");

    private final BenchmarkRepository repository;
    private final BenchmarkScores scores;

    public AbilityRadar(BenchmarkRepository repository, BenchmarkScores scores) {
        this.repository = repository;
        this.scores = scores;
    }

    public record AxisBenchmark(String axis, int axisOrder, int sourceTable, String benchmark) {}

    /** An axis value: the mean and how many published scores it averages. */
    public record AxisValue(BigDecimal mean, int count) {
        public String text() {
            return mean.toPlainString() + " (mean of " + count + ")";
        }
    }

    public record RadarView(
            List<String> axes,
            Map<String, List<AxisValue>> valuesByModel,
            Map<String, List<AxisBenchmark>> mapping,
            String chartSvg) {}

    public List<AxisBenchmark> mapping() {
        return repository.radarMapping();
    }

    public List<String> axes() {
        return mapping().stream().map(AxisBenchmark::axis).distinct().toList();
    }

    /** The mean of a model's published scores on an axis, rounded to one decimal; empty when it has none. */
    public Optional<AxisValue> value(String model, String axis) {
        List<BigDecimal> values = new ArrayList<>();
        for (AxisBenchmark entry : mapping()) {
            if (entry.axis().equals(axis)) {
                scores.score(entry.sourceTable(), entry.benchmark(), model)
                        .ifPresent(s -> values.add(new BigDecimal(s.valueText())));
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(
                new AxisValue(sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP), values.size()));
    }

    /** @param gemma3Sizes the selected Gemma 3 sizes as pre-trained names, such as "Gemma3-4B" */
    public RadarView view(List<String> gemma3Sizes) {
        List<String> models = new ArrayList<>(GEMMA2);
        models.addAll(gemma3Sizes);
        List<String> axes = axes();
        Map<String, List<AxisValue>> values = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        for (String model : models) {
            List<AxisValue> row =
                    axes.stream().map(axis -> value(model, axis).orElse(null)).toList();
            values.put(model, row);
            series.add(new Series(
                    model,
                    row.stream()
                            .map(v -> v == null ? null : new Datum(v.mean().doubleValue(), v.text()))
                            .toList()));
        }
        Map<String, List<AxisBenchmark>> byAxis = new LinkedHashMap<>();
        mapping()
                .forEach(m ->
                        byAxis.computeIfAbsent(m.axis(), a -> new ArrayList<>()).add(m));
        String svg = RadarChart.render(new RadarChart.Data(
                "radar-chart",
                "General abilities after pre-training (derived)",
                "Radar chart derived from Tables 9, 10, 11 and 13: each axis is the mean of the published scores"
                        + " mapped to it, for pre-trained Gemma 2 and the selected Gemma 3 models; a cross marks an"
                        + " axis with no published data for that model.",
                axes,
                series,
                100,
                ""));
        return new RadarView(axes, values, byAxis, svg);
    }
}
