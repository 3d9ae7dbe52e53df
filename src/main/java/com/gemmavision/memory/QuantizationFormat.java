package com.gemmavision.memory;

/** A weight format of Table 3: its URL code ("int4-b32"), label, the report's column and a description. */
public record QuantizationFormat(String code, String label, String reportColumn, String description, int sortOrder) {}
