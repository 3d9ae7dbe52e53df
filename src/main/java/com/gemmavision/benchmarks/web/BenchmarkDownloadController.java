package com.gemmavision.benchmarks.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.benchmarks.AbilityRadar;
import com.gemmavision.benchmarks.ArenaEntry;
import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.benchmarks.BenchmarksView;
import com.gemmavision.benchmarks.ModelComparison;
import com.gemmavision.benchmarks.ReportTable;
import com.gemmavision.benchmarks.TableView;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Selection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The benchmark section's tables as CSV (values as printed) and its charts as SVG. */
@RestController
class BenchmarkDownloadController {

    private final CurrentSelection currentSelection;
    private final BenchmarksSection section;
    private final Catalog catalog;

    BenchmarkDownloadController(CurrentSelection currentSelection, BenchmarksSection section, Catalog catalog) {
        this.currentSelection = currentSelection;
        this.section = section;
        this.catalog = catalog;
    }

    /** The section for the request's selection, with the given table and groups shown whatever was ticked. */
    private BenchmarksView view(HttpServletRequest request, List<String> groups, List<Integer> tables) {
        Selection selection = currentSelection.resolve(request).selection();
        List<String> sizes = catalog.baseModels(selection.models());
        return section.view(groups, tables, sizes, selection.arenaOpen(), selection.compare());
    }

    private static ReportTable table(int number) {
        return ReportTable.byNumber(number)
                .filter(t -> t.number() != 5)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report table " + number));
    }

    @GetMapping("/tables/report-{number}.csv")
    ResponseEntity<String> reportTable(@PathVariable int number, HttpServletRequest request) {
        TableView view = view(request, List.of(), List.of(table(number).number()))
                .tables()
                .get(0);
        List<String> header = new ArrayList<>(List.of(view.rowHeader()));
        view.columns().forEach(c -> header.add(c.label()));
        List<List<String>> rows = new ArrayList<>();
        for (TableView.Row row : view.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            row.cells().forEach(c -> cells.add(c == null ? "" : c));
            rows.add(cells);
        }
        return Downloads.csv("gemma3-report-table-" + number + ".csv", header, rows);
    }

    @GetMapping("/charts/report-{number}-{index}.svg")
    ResponseEntity<String> reportChart(@PathVariable int number, @PathVariable int index, HttpServletRequest request) {
        List<TableView.Chart> charts = view(
                        request, List.of(), List.of(table(number).number()))
                .tables()
                .get(0)
                .charts();
        if (index < 0 || index >= charts.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Downloads.svg(
                "gemma3-report-table-" + number + "-chart-" + index + ".svg",
                charts.get(index).svg());
    }

    @GetMapping("/tables/arena.csv")
    ResponseEntity<String> arena(HttpServletRequest request) {
        List<List<String>> rows = new ArrayList<>();
        for (ArenaEntry e : view(request, List.of("arena"), List.of()).arena().entries()) {
            rows.add(List.of(
                    String.valueOf(e.arenaRank()),
                    e.model(),
                    String.valueOf(e.elo()),
                    String.valueOf(e.ciPlus()),
                    String.valueOf(e.ciMinus()),
                    e.openWeights() == null ? "" : (e.openWeights() ? "yes" : "no"),
                    nullToEmpty(e.architectureKind()),
                    nullToEmpty(e.paramsTotal()),
                    nullToEmpty(e.paramsActivated())));
        }
        return Downloads.csv(
                "gemma3-report-table-5-arena.csv",
                List.of(
                        "rank",
                        "model",
                        "elo",
                        "ci_plus",
                        "ci_minus",
                        "open_weights",
                        "architecture",
                        "params_total",
                        "params_activated"),
                rows);
    }

    @GetMapping("/charts/arena.svg")
    ResponseEntity<String> arenaChart(HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-arena-elo.svg",
                view(request, List.of("arena"), List.of()).arena().chartSvg());
    }

    @GetMapping("/tables/radar.csv")
    ResponseEntity<String> radar(HttpServletRequest request) {
        AbilityRadar.RadarView radar =
                view(request, List.of("zero-shot"), List.of()).radar();
        List<String> header = new ArrayList<>(List.of("model"));
        radar.axes().forEach(a -> {
            header.add(a.toLowerCase() + "_mean_derived");
            header.add(a.toLowerCase() + "_benchmarks_averaged");
        });
        List<List<String>> rows = new ArrayList<>();
        radar.valuesByModel().forEach((model, values) -> {
            List<String> row = new ArrayList<>(List.of(model));
            values.forEach(v -> {
                row.add(v == null ? "" : v.mean().toPlainString());
                row.add(v == null ? "0" : String.valueOf(v.count()));
            });
            rows.add(row);
        });
        return Downloads.csv("gemma3-abilities-radar-derived.csv", header, rows);
    }

    @GetMapping("/charts/radar.svg")
    ResponseEntity<String> radarChart(HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-abilities-radar-derived.svg",
                view(request, List.of("zero-shot"), List.of()).radar().chartSvg());
    }

    @GetMapping("/tables/comparison.csv")
    ResponseEntity<String> comparison(HttpServletRequest request) {
        ModelComparison.Comparison comparison =
                view(request, List.of(), List.of()).comparison();
        if (comparison == null) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "Give two models to compare: compare=A&compare=B");
        }
        List<List<String>> rows = comparison.deltas().stream()
                .map(d -> List.of(
                        String.valueOf(d.table()),
                        d.benchmark(),
                        d.setting(),
                        d.a(),
                        d.b(),
                        d.difference().toPlainString()))
                .toList();
        return Downloads.csv(
                "gemma3-comparison.csv",
                List.of("table", "benchmark", "setting", comparison.a(), comparison.b(), "difference_a_minus_b"),
                rows);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
