package com.gemmavision.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The options no other beats on both quality and a cost: an option is dropped when another scores at least as well
 * and costs no more, and is strictly better on one of the two.
 */
final class Pareto {

    private Pareto() {}

    /**
     * @param cost what is better smaller (memory), or the negative of what is better larger (tokens/s)
     */
    static List<FitOption> frontier(List<FitOption> options, QualityBenchmark by, ToDoubleFunction<FitOption> cost) {
        List<FitOption> scored =
                options.stream().filter(o -> o.qualityOf(by) != null).toList();
        List<FitOption> frontier = new ArrayList<>();
        for (FitOption a : scored) {
            double qa = Double.parseDouble(a.qualityOf(by));
            double ca = cost.applyAsDouble(a);
            boolean dominated = scored.stream().anyMatch(b -> {
                double qb = Double.parseDouble(b.qualityOf(by));
                double cb = cost.applyAsDouble(b);
                return qb >= qa && cb <= ca && (qb > qa || cb < ca);
            });
            if (!dominated) {
                frontier.add(a);
            }
        }
        return frontier;
    }
}
