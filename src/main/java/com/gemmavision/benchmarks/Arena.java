package com.gemmavision.benchmarks;

import java.util.List;

import com.gemmavision.charts.IntervalChart;

import org.springframework.stereotype.Service;

/** Table 5, the Chatbot Arena, with an Elo chart whose whiskers are the published 95% intervals. */
@Service
public class Arena {

    /** The report lists every entry down to rank 18, then only a few below it ("..."), down to rank 59. */
    static final int ELIDED_AFTER_RANK = 18;

    private final BenchmarkRepository repository;

    public Arena(BenchmarkRepository repository) {
        this.repository = repository;
    }

    public List<ArenaEntry> entries() {
        return repository.arena();
    }

    public ArenaView view(boolean openOnly) {
        List<ArenaEntry> shown =
                entries().stream().filter(e -> !openOnly || e.open()).toList();
        IntervalChart.Data chart = new IntervalChart.Data(
                "arena-chart",
                "Chatbot Arena Elo (Table 5" + (openOnly ? ", open-weights models" : "") + ")",
                "Horizontal bars of each model's Elo score in Table 5 with its 95% confidence interval as whiskers;"
                        + " Gemma models are highlighted. Gemma-3-27B-IT figures are preliminary (8 March 2025).",
                "Elo",
                shown.stream()
                        .map(e -> new IntervalChart.Row(
                                e.model(), e.elo(), e.ciPlus(), e.ciMinus(), String.valueOf(e.elo()), e.gemma()))
                        .toList());
        return new ArenaView(shown, openOnly, ELIDED_AFTER_RANK, IntervalChart.render(chart));
    }
}
