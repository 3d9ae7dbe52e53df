package com.gemmavision.catalog;

import java.util.List;
import java.util.function.ToIntFunction;

import com.gemmavision.charts.BarChart;
import com.gemmavision.charts.Datum;
import com.gemmavision.charts.Series;
import com.gemmavision.charts.StackedBarChart;

import org.springframework.stereotype.Service;

/** Parameter counts (Table 1) and architecture of the selected checkpoints, with their stacked bar chart. */
@Service
public class ModelOverview {

    private final Catalog catalog;

    public ModelOverview(Catalog catalog) {
        this.catalog = catalog;
    }

    public OverviewView view(List<String> modelNames) {
        List<ModelProfile> models = catalog.profiles(modelNames);
        BarChart chart = parameterChart(models);
        return new OverviewView(models, chart, StackedBarChart.render(chart));
    }

    static BarChart parameterChart(List<ModelProfile> models) {
        List<Series> series = List.of(
                series("Vision Encoder", models, ParameterCount::visionEncoderM),
                series("Embedding", models, ParameterCount::embeddingM),
                series("Non-embedding", models, ParameterCount::nonEmbeddingM));
        return new BarChart(
                "parameter-chart",
                "Gemma 3 Model Parameter Counts by Component (Millions)",
                "Stacked bars of Table 1 of the Gemma 3 Technical Report: vision encoder, embedding and"
                        + " non-embedding parameters in millions for each selected model; the label above a bar"
                        + " is their sum.",
                "Parameters (millions)",
                "M",
                models.stream().map(ModelProfile::name).toList(),
                series);
    }

    private static Series series(String name, List<ModelProfile> models, ToIntFunction<ParameterCount> value) {
        return new Series(
                name,
                models.stream()
                        .map(m -> Datum.of(value.applyAsInt(m.parameters())))
                        .toList());
    }
}
