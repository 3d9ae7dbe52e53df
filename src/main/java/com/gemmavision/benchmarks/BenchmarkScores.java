package com.gemmavision.benchmarks;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Looks up published scores (read once by {@link ScoreRepository}: the seed never changes while the app runs). */
@Service
public class BenchmarkScores {

    private final ScoreRepository repository;

    public BenchmarkScores(ScoreRepository repository) {
        this.repository = repository;
    }

    public List<ScoreRepository.Score> all() {
        return repository.all();
    }

    /** The score a table publishes for a benchmark and model (no setting), if it publishes one. */
    public Optional<ScoreRepository.Score> score(int table, String benchmark, String model) {
        return Optional.ofNullable(repository.byKey().get(ScoreRepository.key(table, benchmark, model)));
    }
}
