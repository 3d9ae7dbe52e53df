package com.gemmavision.memory;

import java.math.BigDecimal;

/** One cell of Table 3: a model's memory in GB for a format, weights only or with the KV cache at 32,768 tokens. */
public record MemoryFootprint(String model, String quant, boolean includesKvCache, String gbText, BigDecimal gb) {}
