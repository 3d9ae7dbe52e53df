package com.gemmavision.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.charts.BarChart;
import com.gemmavision.charts.Datum;
import com.gemmavision.charts.GroupedBarChart;
import com.gemmavision.charts.Series;

import org.springframework.stereotype.Service;

/** Table 3 as published, and the chart and savings for the selected models and formats. */
@Service
public class QuantizationComparison {

    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final MemoryRepository repository;

    public QuantizationComparison(Catalog catalog, QuantizationFormats formats, MemoryRepository repository) {
        this.catalog = catalog;
        this.formats = formats;
        this.repository = repository;
    }

    private Map<String, MemoryFootprint> footprints() {
        return repository.footprints();
    }

    private static String key(String model, String quant, boolean kv) {
        return MemoryRepository.key(model, quant, kv);
    }

    /** The published footprint of a base model ("Gemma3-27B") in a format. */
    public MemoryFootprint footprint(String baseModel, String quant, boolean includesKvCache) {
        MemoryFootprint footprint = footprints().get(key(baseModel, quant, includesKvCache));
        if (footprint == null) {
            throw new IllegalArgumentException("Table 3 has no cell for " + baseModel + " " + quant);
        }
        return footprint;
    }

    public QuantizationView view(List<String> modelNames, List<String> quantCodes, boolean includeKvCache) {
        List<ModelProfile> models = catalog.profiles(modelNames);
        List<QuantizationFormat> all = formats.all();
        List<QuantizationFormat> selected =
                all.stream().filter(f -> quantCodes.contains(f.code())).toList();
        List<String> selectedBases =
                models.stream().map(m -> m.variant().baseModel()).toList();

        List<Table3Row> table3 = new ArrayList<>();
        for (var architecture : catalog.architectures()) {
            for (boolean kv : new boolean[] {false, true}) {
                List<MemoryFootprint> cells = all.stream()
                        .map(f -> footprint(architecture.model(), f.code(), kv))
                        .toList();
                table3.add(new Table3Row(
                        architecture.model(),
                        kv,
                        cells,
                        selectedBases.contains(architecture.model()) && kv == includeKvCache));
            }
        }

        List<Saving> savings = new ArrayList<>();
        for (ModelProfile model : models) {
            MemoryFootprint bf16 = footprint(model.variant().baseModel(), "bf16", includeKvCache);
            for (QuantizationFormat format : selected) {
                savings.add(new Saving(
                        model.name(),
                        format,
                        footprint(model.variant().baseModel(), format.code(), includeKvCache),
                        bf16));
            }
        }

        String kvLabel = includeKvCache ? QuantizationFormats.KV_CACHE_YES : QuantizationFormats.KV_CACHE_NO;
        BarChart chart = chart(models, selected, includeKvCache);
        return new QuantizationView(
                all,
                selected,
                includeKvCache,
                kvLabel,
                formats.describe(kvLabel),
                table3,
                savings,
                chart,
                GroupedBarChart.render(chart));
    }

    private BarChart chart(List<ModelProfile> models, List<QuantizationFormat> selected, boolean kv) {
        List<Series> series = selected.stream()
                .map(format -> new Series(
                        format.label(),
                        models.stream()
                                .map(m -> {
                                    MemoryFootprint f = footprint(m.variant().baseModel(), format.code(), kv);
                                    return Datum.of(f.gb(), f.gbText());
                                })
                                .toList()))
                .toList();
        String scope =
                kv ? "weights + KV cache at " + catalog.reportFacts().table3Context() + " tokens" : "weights only";
        return new BarChart(
                "memory-chart",
                "Memory footprint by quantization (GB, " + scope + ")",
                "Grouped bars of Table 3 of the Gemma 3 Technical Report: memory in GB for each selected model"
                        + " (groups) and quantization format (bars), " + scope + ".",
                "Memory (GB)",
                "GB",
                models.stream().map(ModelProfile::name).toList(),
                series);
    }
}
