package com.gemmavision.charts;

/** A horizontal line across a bar chart at a value, such as a GPU's memory. */
public record ReferenceLine(double value, String label) {}
