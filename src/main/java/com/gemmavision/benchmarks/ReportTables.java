package com.gemmavision.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.gemmavision.catalog.Catalog;
import com.gemmavision.charts.BarChart;
import com.gemmavision.charts.Datum;
import com.gemmavision.charts.GroupedBarChart;
import com.gemmavision.charts.LineChart;
import com.gemmavision.charts.Series;
import com.gemmavision.charts.SmallMultiples;

import org.springframework.stereotype.Service;

/**
 * Lays out the report's result tables 6 to 18 from their published cells, exactly as printed, with the chart
 * that makes each clear. Gemma 3 columns of the user's selected sizes are emphasised; charts show those
 * columns beside every other family's.
 */
@Service
public class ReportTables {

    private final BenchmarkScores scores;
    private final BenchmarkVocabulary vocabulary;
    private final Catalog catalog;

    public ReportTables(BenchmarkScores scores, BenchmarkVocabulary vocabulary, Catalog catalog) {
        this.scores = scores;
        this.vocabulary = vocabulary;
        this.catalog = catalog;
    }

    /**
     * @param table         a result table 6 to 18
     * @param selectedSizes base models the user selected, such as "Gemma3-4B"
     */
    public TableView view(ReportTable table, Set<String> selectedSizes) {
        List<ScoreRepository.Score> cells = scores.all().stream()
                .filter(s -> s.sourceTable() == table.number())
                .toList();
        return switch (table.layout()) {
            case WIDE -> wide(table, cells, selectedSizes);
            case LONG_CONTEXT -> longContext(table, cells, selectedSizes);
            case RESOLUTION -> resolution(table, cells);
            case PAN_AND_SCAN -> panAndScan(table, cells, selectedSizes);
            case ARENA -> throw new IllegalArgumentException("Table 5 has its own view");
        };
    }

    /** Pivots cells into rows and columns in the report's order. */
    private record Pivot(List<String> rows, List<String> columns, Map<String, String> cells) {
        String cell(String row, String column) {
            return cells.get(row + '\u0000' + column);
        }
    }

    private static Pivot pivot(
            List<ScoreRepository.Score> cells,
            Function<ScoreRepository.Score, String> row,
            Function<ScoreRepository.Score, String> column) {
        Set<String> rows = new LinkedHashSet<>();
        Map<Integer, String> columnsByOrder = new TreeMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        cells.stream()
                .sorted(Comparator.comparingInt(ScoreRepository.Score::rowOrder)
                        .thenComparing(ScoreRepository.Score::setting))
                .forEach(s -> {
                    rows.add(row.apply(s));
                    columnsByOrder.putIfAbsent(s.columnOrder(), column.apply(s));
                    values.put(row.apply(s) + '\u0000' + column.apply(s), s.valueText());
                });
        return new Pivot(List.copyOf(rows), List.copyOf(new LinkedHashSet<>(columnsByOrder.values())), values);
    }

    private static boolean emphasised(String column, Set<String> selectedSizes) {
        return GemmaSizes.baseModel(column).map(selectedSizes::contains).orElse(false);
    }

    private static boolean charted(String column, Set<String> selectedSizes) {
        return GemmaSizes.baseModel(column).map(selectedSizes::contains).orElse(true);
    }

    private TableView wide(ReportTable table, List<ScoreRepository.Score> cells, Set<String> selectedSizes) {
        Pivot pivot = pivot(cells, ScoreRepository.Score::benchmark, ScoreRepository.Score::model);
        List<TableView.Column> columns = pivot.columns().stream()
                .map(c -> new TableView.Column(c, null, emphasised(c, selectedSizes)))
                .toList();
        List<TableView.Row> rows = pivot.rows().stream()
                .map(b -> new TableView.Row(
                        b,
                        vocabulary.explain(table.number(), b),
                        pivot.columns().stream().map(c -> pivot.cell(b, c)).toList()))
                .toList();
        List<String> chartColumns =
                pivot.columns().stream().filter(c -> charted(c, selectedSizes)).toList();
        List<Series> series = chartColumns.stream()
                .map(c -> new Series(
                        c,
                        pivot.rows().stream().map(b -> datum(pivot.cell(b, c))).toList()))
                .toList();
        BarChart chart = new BarChart(
                id(table, 0),
                catalog.tableCaption(table.number()).heading(),
                "Table " + table.number() + " of the Gemma 3 Technical Report as small multiples, one panel per"
                        + " benchmark and one bar per model: the selected Gemma 3 sizes in colour, every other"
                        + " family muted.",
                "Score",
                "",
                pivot.rows(),
                series);
        List<String> notes = new ArrayList<>();
        if (chartColumns.stream().noneMatch(c -> GemmaSizes.baseModel(c).isPresent())) {
            notes.add("None of the selected Gemma 3 sizes appears in this table; the chart shows the other models.");
        }
        return new TableView(
                table,
                "Benchmark",
                columns,
                rows,
                notes,
                List.of(new TableView.Chart(
                        SmallMultiples.standalone(chart, c -> emphasised(c, selectedSizes)),
                        false,
                        "Published values, one panel per benchmark; the selected Gemma 3 sizes in colour.",
                        SmallMultiples.panels(chart, c -> emphasised(c, selectedSizes)))));
    }

    private TableView longContext(ReportTable table, List<ScoreRepository.Score> cells, Set<String> selectedSizes) {
        Pivot pivot = pivot(cells, s -> s.benchmark() + " " + tokens(s.setting()), ScoreRepository.Score::model);
        List<TableView.Column> columns = pivot.columns().stream()
                .map(c -> new TableView.Column(c, null, emphasised(c, selectedSizes)))
                .toList();
        List<TableView.Row> rows = new ArrayList<>();
        for (String row : pivot.rows()) {
            String benchmark = row.substring(0, row.indexOf(' '));
            rows.add(new TableView.Row(
                    row,
                    vocabulary.explain(table.number(), benchmark),
                    pivot.columns().stream().map(c -> pivot.cell(row, c)).toList()));
        }
        List<TableView.Chart> charts = new ArrayList<>();
        int index = 0;
        for (String benchmark :
                cells.stream().map(ScoreRepository.Score::benchmark).distinct().toList()) {
            List<LineChart.Line> lines = new ArrayList<>();
            int colour = 0;
            for (String column : pivot.columns()) {
                if (!charted(column, selectedSizes)) {
                    colour++;
                    continue;
                }
                List<LineChart.Point> points = cells.stream()
                        .filter(s ->
                                s.benchmark().equals(benchmark) && s.model().equals(column))
                        .map(s -> new LineChart.Point(
                                Double.parseDouble(s.setting()), s.score().doubleValue(), s.valueText()))
                        .sorted(Comparator.comparingDouble(LineChart.Point::x))
                        .toList();
                lines.add(new LineChart.Line(column, points, column.endsWith("-IT"), colour % 3));
                colour++;
            }
            charts.add(new TableView.Chart(
                    LineChart.render(new LineChart.Data(
                            id(table, index++),
                            benchmark + " score against context length (Table 15)",
                            "Lines of Table 15: " + benchmark
                                    + " score at 32K and 128K tokens for the selected Gemma 3 sizes;"
                                    + " solid lines are pre-trained, dashed lines instruction-tuned.",
                            "Context length (tokens)",
                            benchmark + " score",
                            "",
                            lines)),
                    false,
                    "Published values."));
        }
        return new TableView(
                table,
                "Benchmark",
                columns,
                rows,
                List.of("Figure 7 of the report (perplexity against context length) is published only as a picture: no"
                        + " numbers exist for it, so no curve is drawn for it here."),
                charts);
    }

    private TableView resolution(ReportTable table, List<ScoreRepository.Score> cells) {
        // Stored with the benchmark as column and the resolution as setting: rows are resolutions.
        Pivot pivot = pivot(
                cells.stream()
                        .sorted(Comparator.comparingInt(ScoreRepository.Score::columnOrder))
                        .toList(),
                ScoreRepository.Score::setting,
                ScoreRepository.Score::benchmark);
        List<String> resolutions = cells.stream()
                .sorted(Comparator.comparingInt(ScoreRepository.Score::columnOrder))
                .map(ScoreRepository.Score::setting)
                .distinct()
                .toList();
        List<String> benchmarks = cells.stream()
                .sorted(Comparator.comparingInt(ScoreRepository.Score::rowOrder))
                .map(ScoreRepository.Score::benchmark)
                .distinct()
                .toList();
        List<TableView.Column> columns = benchmarks.stream()
                .map(b -> new TableView.Column(b, vocabulary.explain(table.number(), b), false))
                .toList();
        List<TableView.Row> rows = resolutions.stream()
                .map(r -> new TableView.Row(
                        r,
                        r + "×" + r + " pixels",
                        benchmarks.stream().map(b -> pivot.cell(r, b)).toList()))
                .toList();
        List<Series> series = resolutions.stream()
                .map(r -> new Series(
                        r + " px",
                        benchmarks.stream().map(b -> datum(pivot.cell(r, b))).toList()))
                .toList();
        BarChart chart = new BarChart(
                id(table, 0),
                "Table 7: score by vision encoder resolution",
                "Grouped bars of Table 7: DocVQA, InfoVQA and TextVQA for a short-schedule 2B model at three input"
                        + " resolutions.",
                "Score",
                "",
                benchmarks,
                series);
        return new TableView(
                table,
                "Resolution",
                columns,
                rows,
                List.of(),
                List.of(new TableView.Chart(GroupedBarChart.render(chart), false, "Published values.")));
    }

    private TableView panAndScan(ReportTable table, List<ScoreRepository.Score> cells, Set<String> selectedSizes) {
        List<String> benchmarks = cells.stream()
                .sorted(Comparator.comparingInt(ScoreRepository.Score::rowOrder))
                .map(ScoreRepository.Score::benchmark)
                .distinct()
                .toList();
        List<String> models =
                cells.stream().map(ScoreRepository.Score::model).distinct().toList();
        Map<String, ScoreRepository.Score> byKey = new LinkedHashMap<>();
        cells.forEach(s -> byKey.put(s.model() + '|' + s.setting() + '|' + s.benchmark(), s));
        List<TableView.Column> columns = benchmarks.stream()
                .map(b -> new TableView.Column(b, vocabulary.explain(table.number(), b), false))
                .toList();
        List<TableView.Row> rows = new ArrayList<>();
        for (String model : models) {
            for (String setting : List.of("false", "true")) {
                String label = model + (setting.equals("true") ? " with P&S" : " without P&S");
                rows.add(new TableView.Row(
                        label,
                        null,
                        benchmarks.stream()
                                .map(b -> byKey.get(model + '|' + setting + '|' + b))
                                .map(s -> s == null ? null : s.valueText())
                                .toList()));
            }
        }
        List<Series> gains = models.stream()
                .map(model -> new Series(
                        model,
                        benchmarks.stream()
                                .map(b -> {
                                    ScoreRepository.Score with = byKey.get(model + "|true|" + b);
                                    ScoreRepository.Score without = byKey.get(model + "|false|" + b);
                                    if (with == null || without == null) {
                                        return (Datum) null;
                                    }
                                    BigDecimal gain = new BigDecimal(with.valueText())
                                            .subtract(new BigDecimal(without.valueText()));
                                    return new Datum(
                                            gain.doubleValue(),
                                            (gain.signum() >= 0 ? "+" : "") + gain.toPlainString() + " ("
                                                    + with.valueText() + " − " + without.valueText() + ")");
                                })
                                .toList()))
                .toList();
        BarChart chart = new BarChart(
                id(table, 0),
                "Gain from Pan & Scan (points, derived from Table 8)",
                "Bars of the difference between each model's score with and without Pan & Scan in Table 8.",
                "Gain (points)",
                "",
                benchmarks,
                gains);
        return new TableView(
                table,
                "Model",
                columns,
                rows,
                List.of(),
                List.of(new TableView.Chart(
                        GroupedBarChart.render(chart),
                        true,
                        "Derived: score with P&S minus score without, per model and benchmark.")));
    }

    private static String id(ReportTable table, int index) {
        return "table-" + table.number() + "-chart-" + index;
    }

    private static Datum datum(String printed) {
        return printed == null ? null : new Datum(Double.parseDouble(printed), printed);
    }

    static String tokens(String setting) {
        long tokens = Long.parseLong(setting);
        return tokens % 1024 == 0 ? (tokens / 1024) + "K" : setting;
    }
}
