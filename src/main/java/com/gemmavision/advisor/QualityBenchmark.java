package com.gemmavision.advisor;

import java.util.Arrays;
import java.util.Optional;

/** The published scores an option can be ranked by, with the report table that publishes them for IT models. */
public enum QualityBenchmark {
    DOCVQA("docvqa", "DocVQA", 16, "DocVQA", "document understanding"),
    INFOVQA("infovqa", "InfoVQA", 16, "InfoVQA", "infographics"),
    CHARTQA("chartqa", "ChartQA", 16, "ChartQA", "charts"),
    MMLU_PRO("mmlu-pro", "MMLU-Pro", 6, "MMLU-Pro", "general knowledge and reasoning");

    private final String id;
    private final String label;
    private final int table;
    private final String benchmark;
    private final String measures;

    QualityBenchmark(String id, String label, int table, String benchmark, String measures) {
        this.id = id;
        this.label = label;
        this.table = table;
        this.benchmark = benchmark;
        this.measures = measures;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int table() {
        return table;
    }

    public String benchmark() {
        return benchmark;
    }

    public String measures() {
        return measures;
    }

    public static Optional<QualityBenchmark> byId(String id) {
        return Arrays.stream(values())
                .filter(b -> b.id.equalsIgnoreCase(id.trim()))
                .findFirst();
    }
}
