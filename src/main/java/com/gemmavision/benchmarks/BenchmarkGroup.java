package com.gemmavision.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/** The groups of comparisons the sidebar offers; their ids are part of the bookmarkable URL ({@code bench}). */
public enum BenchmarkGroup {
    ARENA("arena", "Chatbot Arena Elo"),
    ZERO_SHOT("zero-shot", "Zero-shot general abilities"),
    MULTIMODAL("multimodal", "Multimodal"),
    LONG_CONTEXT("long-context", "Long context"),
    STEM_CODE("stem-code", "STEM and code");

    private final String id;
    private final String label;

    BenchmarkGroup(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<BenchmarkGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equalsIgnoreCase(id.trim())).findFirst();
    }
}
