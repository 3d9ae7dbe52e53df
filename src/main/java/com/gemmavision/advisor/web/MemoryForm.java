package com.gemmavision.advisor.web;

/** What {@code /api/memory} asks beyond the deployment: the checkpoint and its weight format. */
record MemoryForm(String model, String quant) {}
