package com.gemmavision.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.gemmavision.advisor.Advice;
import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.AdvisorPage;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.GpuPreset;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.charts.ScatterChart;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.WeightBytes;

import org.springframework.stereotype.Component;

/**
 * The advisor's Pareto chart (DocVQA against memory, every model and format the engine loads, on an NVIDIA L4 at
 * 32,768 tokens × 1) with the user's measured runs on it: a diamond at the run's model and format, as high as its
 * field accuracy on the user's documents. One chart per engine the runs name.
 */
@Component
public class MeasuredPareto {

    static final String GPU = "NVIDIA L4";
    static final long CONTEXT = 32_768;

    private final Advisor advisor;
    private final GpuPresets gpus;

    public MeasuredPareto(Advisor advisor, GpuPresets gpus) {
        this.advisor = advisor;
        this.gpus = gpus;
    }

    /** A chart per engine: the published points and the measured ones; runs that name no known option are left out. */
    public List<ScatterChart.Data> charts(List<EvaluationRun> runs) {
        Map<Engine, List<EvaluationRun>> byEngine = new LinkedHashMap<>();
        for (EvaluationRun run : runs) {
            if (placeable(run)) {
                Engine.byCode(run.engine())
                        .ifPresent(e -> byEngine.computeIfAbsent(e, k -> new ArrayList<>())
                                .add(run));
            }
        }
        Optional<GpuPreset> gpu = gpus.byName(GPU).or(() -> gpus.all().stream().findFirst());
        if (gpu.isEmpty()) {
            return List.of();
        }
        List<ScatterChart.Data> charts = new ArrayList<>();
        byEngine.forEach((engine, engineRuns) -> {
            AdviceRequest request = new AdviceRequest(
                    gpu.get(),
                    gpu.get().memoryGib(),
                    1,
                    CONTEXT,
                    1,
                    engine.kvDtypes().get(0),
                    true,
                    WeightBytes.Options.DEFAULT,
                    1.0,
                    10,
                    QualityBenchmark.DOCVQA,
                    engine);
            ScatterChart.Data chart = onAdvisor(engineRuns, request).chart();
            if (chart != null) {
                charts.add(chart);
            }
        });
        return charts;
    }

    /** A run whose every document failed measured the server, not the model: it gets no point; nor one naming none. */
    private static boolean placeable(EvaluationRun run) {
        return run.modelAccuracy() != null
                && run.failed() != run.documents()
                && run.gemmaModel() != null
                && run.format() != null;
    }

    /**
     * The user's runs on the advisor's own chart: its engine, GPU, context and KV type. A run is placed where its
     * model and format are an option of that engine; the others are named in {@code elsewhere}, with the engine
     * they were measured on.
     */
    public record OnAdvisor(ScatterChart.Data chart, List<String> elsewhere) {}

    public OnAdvisor onAdvisor(List<EvaluationRun> runs, AdviceRequest request) {
        Advice advice = advisor.advise(request);
        ScatterChart.Data published = AdvisorPage.paretoChart(request, advice, false);
        List<ScatterChart.Point> points = new ArrayList<>(published.points());
        List<String> elsewhere = new ArrayList<>();
        for (EvaluationRun run : runs) {
            if (!placeable(run)) {
                continue;
            }
            Optional<FitOption> option = advice.options().stream()
                    .filter(o -> o.model().equals(run.gemmaModel())
                            && o.format().code().equals(run.format()))
                    .findFirst();
            if (option.isPresent()) {
                points.add(point(run, option.get()));
            } else {
                elsewhere.add(run.endpoint() + " (" + run.gemmaModel() + " in " + run.format() + ", measured on "
                        + (run.engine().isBlank() ? "an unnamed engine" : run.engine()) + ")");
            }
        }
        if (points.size() == published.points().size()) {
            return new OnAdvisor(null, elsewhere.stream().distinct().toList());
        }
        return new OnAdvisor(
                new ScatterChart.Data(
                        "measured-" + request.engine().code(),
                        "Your runs (◆) beside the published DocVQA, "
                                + request.engine().label(),
                        published.description() + " Diamonds are your bake-off runs: field accuracy on your labelled"
                                + " documents, in percent, on the same axis.",
                        published.xLabel(),
                        "DocVQA (published) · ◆ field accuracy % (measured)",
                        points,
                        published.frontier(),
                        published.vertical(),
                        published.note()),
                elsewhere.stream().distinct().toList());
    }

    private static ScatterChart.Point point(EvaluationRun run, FitOption option) {
        double gib = MemoryEstimate.gib(option.estimate().totalBytes());
        return new ScatterChart.Point(
                gib,
                run.modelAccuracy(),
                option.model(),
                option.model().replace("-IT", ""),
                true,
                null,
                String.format(
                        Locale.ROOT,
                        "Measured on your documents: %s (%s in %s) read %d of %d labelled values right (%.1f%%),"
                                + " %d wrong; %.2f GiB needed (derived)",
                        run.endpoint(),
                        option.model(),
                        option.format().label(),
                        run.modelRight(),
                        run.labelled(),
                        run.modelAccuracy(),
                        run.modelWrong(),
                        gib),
                true);
    }
}
