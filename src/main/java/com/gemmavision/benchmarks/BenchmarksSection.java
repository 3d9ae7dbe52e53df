package com.gemmavision.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Assembles the benchmark groups and report tables a user selected, the radar and the comparison. */
@Service
public class BenchmarksSection {

    private final Arena arena;
    private final AbilityRadar radar;
    private final ReportTables tables;
    private final ModelComparison comparison;

    public BenchmarksSection(Arena arena, AbilityRadar radar, ReportTables tables, ModelComparison comparison) {
        this.arena = arena;
        this.radar = radar;
        this.tables = tables;
        this.comparison = comparison;
    }

    public List<String> comparableModels() {
        return comparison.models();
    }

    /**
     * @param groups      selected group ids
     * @param tableNumbers selected report tables
     * @param sizes       selected Gemma 3 base models, such as "Gemma3-4B"
     * @param compare     zero to two report model names
     */
    public BenchmarksView view(
            List<String> groups,
            List<Integer> tableNumbers,
            List<String> sizes,
            boolean arenaOpen,
            List<String> compare) {
        Set<Integer> shown = new LinkedHashSet<>();
        groups.forEach(id -> BenchmarkGroup.byId(id).ifPresent(g -> shown.addAll(g.tables())));
        shown.addAll(tableNumbers);
        List<Integer> ordered = new ArrayList<>(shown);
        ordered.sort(Integer::compare);
        Set<String> sizeSet = Set.copyOf(sizes);
        List<TableView> views = ordered.stream()
                .filter(n -> n != 5)
                .map(n -> tables.view(ReportTable.byNumber(n).orElseThrow(), sizeSet))
                .toList();
        ArenaView arenaView = shown.contains(5) ? arena.view(arenaOpen) : null;
        AbilityRadar.RadarView radarView = groups.contains(BenchmarkGroup.ZERO_SHOT.id()) ? radar.view(sizes) : null;
        ModelComparison.Comparison compared =
                compare.size() == 2 ? comparison.compare(compare.get(0), compare.get(1)) : null;
        return new BenchmarksView(arenaView, radarView, views, compared, comparison.models());
    }
}
