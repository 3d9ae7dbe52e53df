package com.gemmavision.memory;

import java.util.List;

import com.gemmavision.charts.BarChart;

/** What the "Quantization Strategies" section shows for a selection. */
public record QuantizationView(
        List<QuantizationFormat> formats,
        List<QuantizationFormat> selectedFormats,
        boolean includeKvCache,
        String kvStatusLabel,
        String kvStatusDescription,
        List<Table3Row> table3,
        List<Saving> savings,
        BarChart chart,
        String chartSvg) {}
