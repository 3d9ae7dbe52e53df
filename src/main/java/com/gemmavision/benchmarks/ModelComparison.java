package com.gemmavision.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** Two models side by side over every benchmark the report publishes for both, in the same table and setting. */
@Service
public class ModelComparison {

    private final BenchmarkScores scores;

    public ModelComparison(BenchmarkScores scores) {
        this.scores = scores;
    }

    /** Every model name the report's tables 6 to 18 give scores for (Table 7's unnamed ablation model aside). */
    public List<String> models() {
        return scores.all().stream()
                .filter(s -> s.sourceTable() != 7)
                .map(s -> canonical(s.model()))
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * One benchmark both models have; {@code alsoIn} lists other tables that print the same two values for it
     * (MATH and Global MMLU-Lite appear in Tables 6 and 18), which count once.
     */
    public record Delta(
            int table,
            String benchmark,
            String setting,
            String a,
            String b,
            BigDecimal difference,
            List<Integer> alsoIn) {
        /** 1 when the first model scores higher, -1 when the second does, 0 for a tie. */
        public int winner() {
            return difference.signum();
        }

        public String differenceText() {
            return (difference.signum() > 0 ? "+" : "") + difference.toPlainString();
        }
    }

    public record Comparison(String a, String b, List<Delta> deltas) {
        public long winsA() {
            return deltas.stream().filter(d -> d.winner() > 0).count();
        }

        public long winsB() {
            return deltas.stream().filter(d -> d.winner() < 0).count();
        }

        public long ties() {
            return deltas.stream().filter(d -> d.winner() == 0).count();
        }
    }

    /** Differences are a minus b, on the printed values; higher is better on every benchmark of these tables. */
    public Comparison compare(String a, String b) {
        Map<String, ScoreRepository.Score> ofB = scores.all().stream()
                .filter(s -> canonical(s.model()).equals(b))
                .collect(Collectors.toMap(ModelComparison::key, Function.identity(), (x, y) -> x));
        List<Delta> deltas = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ScoreRepository.Score scoreA : scores.all()) {
            if (!canonical(scoreA.model()).equals(a)) {
                continue;
            }
            ScoreRepository.Score scoreB = ofB.get(key(scoreA));
            if (scoreB == null) {
                continue;
            }
            String same =
                    scoreA.benchmark() + "|" + scoreA.setting() + "|" + scoreA.valueText() + "|" + scoreB.valueText();
            Integer first = seen.get(same);
            if (first != null) {
                Delta earlier = deltas.get(first);
                List<Integer> tables = new ArrayList<>(earlier.alsoIn());
                tables.add(scoreA.sourceTable());
                deltas.set(
                        first,
                        new Delta(
                                earlier.table(),
                                earlier.benchmark(),
                                earlier.setting(),
                                earlier.a(),
                                earlier.b(),
                                earlier.difference(),
                                List.copyOf(tables)));
                continue;
            }
            seen.put(same, deltas.size());
            deltas.add(new Delta(
                    scoreA.sourceTable(),
                    scoreA.benchmark(),
                    scoreA.setting(),
                    scoreA.valueText(),
                    scoreB.valueText(),
                    new BigDecimal(scoreA.valueText()).subtract(new BigDecimal(scoreB.valueText())),
                    List.of()));
        }
        return new Comparison(a, b, deltas);
    }

    /**
     * A model as the comparison names it: Table 15 prints pre-trained Gemma 3 checkpoints as "Gemma3-4B-PT" where
     * the other pre-training tables print "Gemma3-4B", and both are the same checkpoint.
     */
    static String canonical(String model) {
        return model.startsWith("Gemma3-") && model.endsWith("-PT") ? model.substring(0, model.length() - 3) : model;
    }

    private static String key(ScoreRepository.Score s) {
        return s.sourceTable() + "|" + s.benchmark() + "|" + s.setting();
    }
}
