package com.gemmavision.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** Looks up published scores; the seed never changes while the app runs, so it is read once. */
@Service
public class BenchmarkScores {

    private final ScoreRepository repository;
    private volatile Map<String, ScoreRepository.Score> byKey;
    private volatile List<ScoreRepository.Score> all;

    public BenchmarkScores(ScoreRepository repository) {
        this.repository = repository;
    }

    private static String key(int table, String benchmark, String model, String setting) {
        return table + "|" + benchmark + "|" + model + "|" + setting;
    }

    public List<ScoreRepository.Score> all() {
        List<ScoreRepository.Score> current = all;
        if (current == null) {
            current = List.copyOf(repository.all());
            all = current;
        }
        return current;
    }

    /** The score a table publishes for a benchmark and model (no setting), if it publishes one. */
    public Optional<ScoreRepository.Score> score(int table, String benchmark, String model) {
        Map<String, ScoreRepository.Score> index = byKey;
        if (index == null) {
            index = all().stream().collect(Collectors.toMap(
                    s -> key(s.sourceTable(), s.benchmark(), s.model(), s.setting()), Function.identity(), (a, b) -> a));
            byKey = index;
        }
        return Optional.ofNullable(index.get(key(table, benchmark, model, "")));
    }
}
