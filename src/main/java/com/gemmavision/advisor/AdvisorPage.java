package com.gemmavision.advisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.charts.BarChart;
import com.gemmavision.charts.Datum;
import com.gemmavision.charts.LineChart;
import com.gemmavision.charts.Palette;
import com.gemmavision.charts.ReferenceLine;
import com.gemmavision.charts.ScatterChart;
import com.gemmavision.charts.Series;
import com.gemmavision.charts.StackedBarChart;
import com.gemmavision.memory.EngineKvCache;
import com.gemmavision.memory.KvAllocation;
import com.gemmavision.memory.KvCache;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.Table3Reconciliation;

import org.springframework.stereotype.Service;

/** Builds the advisor page: the advice, its charts for the selected models and formats, and Table 3 beside ours. */
@Service
public class AdvisorPage {

    private final Advisor advisor;
    private final Catalog catalog;
    private final Table3Reconciliation reconciliation;

    public AdvisorPage(Advisor advisor, Catalog catalog, Table3Reconciliation reconciliation) {
        this.advisor = advisor;
        this.catalog = catalog;
        this.reconciliation = reconciliation;
    }

    /**
     * @param models the sidebar's checkpoints; the advisor deploys the IT variant of each one's size
     * @param quants the sidebar's formats
     */
    public AdvisorView view(AdviceRequest request, List<String> models, List<String> quants) {
        Advice advice = advisor.advise(request);
        List<String> sizes = catalog.baseModels(models);
        List<FitOption> selected = advice.options().stream()
                .filter(o ->
                        sizes.contains(catalog.variant(o.model()).orElseThrow().baseModel()))
                .filter(o -> quants.contains(o.format().code()))
                .toList();
        // the chart leads with the recommended option and the runner-up, then the sidebar's choices
        List<FitOption> charted = new ArrayList<>();
        if (advice.recommended() != null) {
            charted.add(advice.recommended());
        }
        if (advice.runnerUp() != null) {
            charted.add(advice.runnerUp());
        }
        selected.stream().filter(o -> !charted.contains(o)).forEach(charted::add);
        return new AdvisorView(
                advice,
                selected,
                StackedBarChart.render(fitChart(request, charted, advice)),
                LineChart.render(kvChart(request, sizes)),
                reconciliation.kvRows(),
                reconciliation.weightRows(),
                advice.recommended() == null ? null : engineDetail(request, advice.recommended()),
                ScatterChart.render(paretoChart(request, advice, false)),
                advice.options().stream().anyMatch(o -> o.decodeTokensPerSecondBound() != null)
                        ? ScatterChart.render(paretoChart(request, advice, true))
                        : null,
                advice.recommended() == null
                        ? List.of()
                        : advisor.fitPlan(
                                request,
                                advice.recommended().model(),
                                advice.recommended().format()));
    }

    /**
     * Quality against memory (or decode speed) for every model and format, the frontier drawn through the options
     * no other beats on both, the GPU's usable memory as a line.
     */
    public static ScatterChart.Data paretoChart(AdviceRequest request, Advice advice, boolean speed) {
        QualityBenchmark by = request.rankBy();
        ToDoubleFunction<FitOption> xOf = speed
                ? o -> o.decodeTokensPerSecondBound() == null ? 0 : o.decodeTokensPerSecondBound()
                : o -> MemoryEstimate.gib(o.estimate().totalBytes());
        List<FitOption> scored = advice.options().stream()
                .filter(o -> o.qualityOf(by) != null)
                .filter(o -> !speed || o.decodeTokensPerSecondBound() != null)
                .toList();
        List<FitOption> frontier = Pareto.frontier(scored, by, speed ? o -> -xOf.applyAsDouble(o) : xOf);
        // the advice takes the most precise format of the best model that fits; the report publishes one score per
        // model, so a less precise format of it can need less memory for the same score and be the one on the line
        FitOption star = advice.recommended();
        FitOption sameScoreSmaller = star == null || frontier.contains(star) || !scored.contains(star)
                ? null
                : frontier.stream()
                        .filter(o -> o.qualityOf(by).equals(star.qualityOf(by)))
                        .findFirst()
                        .orElse(null);
        String offFrontier = sameScoreSmaller == null
                ? ""
                : " · off the frontier: " + sameScoreSmaller.model() + " in "
                        + sameScoreSmaller.format().label()
                        + " has the same published score and needs less, but the advice takes the most precise"
                        + " format that fits";
        Map<FitOption, ScatterChart.Point> points = new LinkedHashMap<>();
        for (FitOption o : scored) {
            String mark = o == advice.recommended() ? "★" : o == advice.runnerUp() ? "2nd" : null;
            String x = speed
                    ? String.format(Locale.ROOT, "%,.1f tokens/s (bound)", o.decodeTokensPerSecondBound())
                    : String.format(
                            Locale.ROOT,
                            "%.2f GiB",
                            MemoryEstimate.gib(o.estimate().totalBytes()));
            points.put(
                    o,
                    new ScatterChart.Point(
                            xOf.applyAsDouble(o),
                            Double.parseDouble(o.qualityOf(by)),
                            o.model(),
                            o.model().replace("-IT", ""),
                            o.fits(),
                            mark,
                            o.model() + " in " + o.format().label() + ": " + by.label() + " " + o.qualityOf(by) + ", "
                                    + x
                                    + (o.fits() ? "" : ", does not fit")
                                    + (frontier.contains(o) ? " · on the frontier" : "")
                                    + (mark == null ? "" : mark.equals("★") ? " · recommended" : " · runner-up")
                                    + (o == star ? offFrontier : "")));
        }
        String gpu = request.gpuLabel();
        return new ScatterChart.Data(
                speed ? "pareto-speed-chart" : "pareto-memory-chart",
                by.label() + " against " + (speed ? "decode speed" : "memory") + ", every model and format",
                "Each point is one model in one format: " + by.label() + " (Table " + by.table() + ") up, "
                        + (speed ? "the decode bound in tokens/s" : "weights + KV cache + overhead in GiB") + " across;"
                        + " the dashed line joins the options no other beats on both; points that would cover each"
                        + " other are moved a few pixels up or down.",
                speed ? "Decode tokens/s, whole batch (upper bound, derived)" : "Memory needed (GiB, derived)",
                by.label() + " (published)",
                List.copyOf(points.values()),
                frontier.stream().map(points::get).toList(),
                speed
                        ? null
                        : new ReferenceLine(
                                MemoryEstimate.gib(request.usableBytes()),
                                gpu + ": "
                                        + String.format(Locale.ROOT, "%.1f", MemoryEstimate.gib(request.usableBytes()))
                                        + " GiB usable"),
                sameScoreSmaller == null
                        ? null
                        : "★ is off the dashed line: same score as "
                                + (sameScoreSmaller.model().equals(star.model())
                                        ? ""
                                        : sameScoreSmaller.model().replace("-IT", "") + " in ")
                                + sameScoreSmaller.format().label() + ", more precise");
    }

    private AdvisorView.EngineDetail engineDetail(AdviceRequest request, FitOption option) {
        Architecture architecture = catalog.architecture(
                catalog.variant(option.model()).orElseThrow().baseModel());
        long context = Math.min(request.context(), architecture.maxContext());
        KvAllocation allocation = EngineKvCache.allocate(
                architecture,
                request.engine(),
                context,
                request.batch(),
                request.kvDtype(),
                request.slidingWindow(),
                request.settings());
        List<String> checks = new ArrayList<>(allocation.checks());
        long kvBudget = option.usableBytes()
                - option.estimate().weightsBytes()
                - option.estimate().overheadBytes();
        checks.addAll(EngineKvCache.vllmLog(allocation, architecture, context, kvBudget, request.settings()));
        Advisor.DraftPlan draft = advisor.draftPlan(request, option).orElse(null);
        return new AdvisorView.EngineDetail(
                option,
                allocation,
                checks,
                LaunchCommand.of(request, option),
                draft,
                draft == null ? null : LaunchCommand.withDraft(request, option));
    }

    static BarChart fitChart(AdviceRequest request, List<FitOption> options, Advice advice) {
        List<String> categories = options.stream()
                .map(o -> o.model().replace("Gemma3-", "").replace("-IT", "") + " "
                        + o.format().label()
                        + (o == advice.recommended() ? " ★" : o == advice.runnerUp() ? " (2nd)" : ""))
                .toList();
        List<Series> series = List.of(
                new Series(
                        "Weights",
                        options.stream()
                                .map(o -> gib(o.estimate().weightsBytes()))
                                .toList()),
                new Series(
                        "KV cache",
                        options.stream()
                                .map(o -> gib(o.estimate().kvCacheBytes()))
                                .toList()),
                new Series(
                        "Overhead",
                        options.stream()
                                .map(o -> gib(o.estimate().overheadBytes()))
                                .toList()));
        String line = String.format(
                Locale.ROOT, "%s: %.1f GiB usable", request.gpuLabel(), MemoryEstimate.gib(request.usableBytes()));
        return new BarChart(
                "fit-chart",
                "Memory needed against the GPU (GiB)",
                "Stacked bars of weights, KV cache and overhead for the recommended option (★), the runner-up"
                        + " (2nd) and each selected model and format at "
                        + request.context() + " tokens × " + request.batch() + ", computed from the architecture"
                        + " (derived); the dashed line is the GPU memory usable after headroom.",
                "Memory (GiB)",
                "GiB",
                categories,
                series,
                new ReferenceLine(MemoryEstimate.gib(request.usableBytes()), line));
    }

    private static Datum gib(long bytes) {
        double value = MemoryEstimate.gib(bytes);
        return new Datum(value, String.format(Locale.ROOT, "%.2f", value));
    }

    LineChart.Data kvChart(AdviceRequest request, List<String> sizes) {
        List<LineChart.Line> lines = new ArrayList<>();
        for (String size : sizes) {
            // each model in its own colour, as on the Pareto and benchmark charts
            int colour = Palette.modelIndex(size);
            Architecture architecture = catalog.architecture(size);
            List<LineChart.Point> window = new ArrayList<>();
            List<LineChart.Point> full = new ArrayList<>();
            for (long context = 1024; context <= architecture.maxContext(); context *= 2) {
                window.add(point(architecture, context, request, true));
                full.add(point(architecture, context, request, false));
            }
            String name = size.replace("Gemma3-", "");
            lines.add(new LineChart.Line(name + " 5:1 with window", window, false, colour));
            lines.add(new LineChart.Line(name + " every layer full", full, true, colour));
        }
        return new LineChart.Data(
                "kv-chart",
                "KV cache against context length (GiB, derived)",
                "KV cache computed from each selected model's architecture for " + request.batch()
                        + " sequence(s) in " + request.kvDtype().code() + ": solid lines honour the 5:1 local/global"
                        + " layout with its sliding window, dashed lines keep the full context in every layer.",
                "Context length (tokens, log scale)",
                "KV cache (GiB)",
                "GiB",
                lines);
    }

    private static LineChart.Point point(
            Architecture architecture, long context, AdviceRequest request, boolean window) {
        double value =
                MemoryEstimate.gib(KvCache.bytes(architecture, context, request.batch(), request.kvDtype(), window));
        return new LineChart.Point(context, value, String.format(Locale.ROOT, "%.2f", value));
    }
}
