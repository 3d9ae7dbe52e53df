package com.gemmavision.benchmarks;

import java.util.List;

import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ReportFacts;
import com.gemmavision.charts.IntervalChart;

import org.springframework.stereotype.Service;

/** Table 5, the Chatbot Arena, with an Elo chart whose whiskers are the published 95% intervals. */
@Service
public class Arena {

    private final BenchmarkRepository repository;
    private final Catalog catalog;

    public Arena(BenchmarkRepository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    public List<ArenaEntry> entries() {
        return repository.arena();
    }

    public ArenaView view(boolean openOnly) {
        // the report lists every entry down to one rank, then only a few below it ("..."), down to another
        ReportFacts facts = catalog.reportFacts();
        List<ArenaEntry> shown =
                entries().stream().filter(e -> !openOnly || e.open()).toList();
        IntervalChart.Data chart = new IntervalChart.Data(
                "arena-chart",
                "Chatbot Arena Elo (Table 5" + (openOnly ? ", open-weights models" : "") + ")",
                "Horizontal bars of each model's Elo score in Table 5 with its 95% confidence interval as whiskers;"
                        + " Gemma models are highlighted. Gemma-3-27B-IT figures are preliminary ("
                        + facts.arenaPreliminaryAsOf() + ").",
                "Elo",
                shown.stream()
                        .map(e -> new IntervalChart.Row(
                                e.model(), e.elo(), e.ciPlus(), e.ciMinus(), String.valueOf(e.elo()), e.gemma()))
                        .toList());
        return new ArenaView(shown, openOnly, facts, IntervalChart.render(chart));
    }
}
