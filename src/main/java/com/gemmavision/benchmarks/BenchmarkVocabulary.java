package com.gemmavision.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What a benchmark is and how the report evaluated it: its one-line description and the metric, type,
 * n-shot, chain-of-thought and normalisation of Tables 19 (PT text), 20 (PT vision) and 21 (IT).
 */
@Service
public class BenchmarkVocabulary {

    private final BenchmarkRepository repository;

    public BenchmarkVocabulary(BenchmarkRepository repository) {
        this.repository = repository;
    }

    /** One row of Tables 19 to 21. */
    public record EvaluationSetting(
            int sourceTable,
            String modelKind,
            String benchmark,
            String metric,
            String evalType,
            String nShot,
            boolean chainOfThought,
            String normalization) {

        public String summary() {
            StringBuilder text = new StringBuilder(metric)
                    .append(", ")
                    .append(evalType)
                    .append(", ")
                    .append(nShot);
            if (chainOfThought) {
                text.append(", chain-of-thought");
            }
            if (normalization != null && !normalization.isBlank()) {
                text.append(", normalised by ").append(normalization);
            }
            return text.append(" (Table ").append(sourceTable).append(')').toString();
        }
    }

    /** Names as keys: case, punctuation, spaces and split suffixes such as "(val)" do not matter. */
    static String key(String benchmark) {
        return benchmark.replaceAll("\\(.*?\\)", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+]", "");
    }

    private Map<String, String> descriptions() {
        return repository.descriptions();
    }

    public List<EvaluationSetting> settings() {
        return repository.settings();
    }

    public Optional<String> description(String benchmark) {
        String exact = descriptions().get(benchmark);
        if (exact != null) {
            return Optional.of(exact);
        }
        return descriptions().entrySet().stream()
                .filter(e -> key(e.getKey()).equals(key(benchmark)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** How a benchmark of a result table was evaluated: IT tables use Table 21, PT tables Tables 19 and 20. */
    public Optional<EvaluationSetting> setting(int resultTable, String benchmark) {
        boolean instructionTuned = ReportTable.byNumber(resultTable)
                .map(ReportTable::instructionTuned)
                .orElse(false);
        return settings().stream()
                .filter(s -> instructionTuned == s.modelKind().equals("IT"))
                .filter(s -> key(s.benchmark()).equals(key(benchmark)))
                .findFirst();
    }

    /** The hover text of a benchmark name in a result table. */
    public String explain(int resultTable, String benchmark) {
        String what = description(benchmark).orElse("");
        String how = setting(resultTable, benchmark)
                .map(EvaluationSetting::summary)
                .orElse("Evaluation settings not listed in Tables 19 to 21");
        return (benchmark + ": " + what + " " + how + ".").replace("..", ".").replace("  ", " ");
    }
}
