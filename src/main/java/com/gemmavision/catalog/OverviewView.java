package com.gemmavision.catalog;

import java.util.List;

import com.gemmavision.charts.BarChart;

/** What the "Model Overview" section shows for the selected checkpoints. */
public record OverviewView(List<ModelProfile> models, BarChart chart, String chartSvg) {}
