package com.gemmavision.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The groups of comparisons the sidebar offers; their ids are part of the bookmarkable URL ({@code bench}). */
public enum BenchmarkGroup {
    ARENA("arena", "Chatbot Arena Elo", 5),
    ZERO_SHOT("zero-shot", "Zero-shot general abilities", 6),
    MULTIMODAL("multimodal", "Multimodal", 11, 12, 16, 7, 8, 17),
    LONG_CONTEXT("long-context", "Long context", 15),
    STEM_CODE("stem-code", "STEM and code", 10, 18);

    private final String id;
    private final String label;
    private final int[] tables;

    BenchmarkGroup(String id, String label, int... tables) {
        this.id = id;
        this.label = label;
        this.tables = tables;
    }

    /** The report tables this group shows, in the order it shows them. */
    public List<Integer> tables() {
        return Arrays.stream(tables).boxed().toList();
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<BenchmarkGroup> byId(String id) {
        return Arrays.stream(values())
                .filter(g -> g.id.equalsIgnoreCase(id.trim()))
                .findFirst();
    }
}
