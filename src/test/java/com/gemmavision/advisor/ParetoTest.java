package com.gemmavision.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.ReportFixture;
import com.gemmavision.charts.ScatterChart;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.WeightBytes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class ParetoTest {

    private final Advisor advisor = ReportFixture.advisor();

    private Advice advice(Engine engine, KvDtype kv) {
        GpuPreset l4 = ReportFixture.gpuPresets().byName("NVIDIA L4").orElseThrow();
        return advisor.advise(new AdviceRequest(
                l4,
                l4.memoryGib(),
                1,
                32_768,
                1,
                kv,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                engine));
    }

    @Test
    void noOptionOnTheFrontierIsBeatenOnBothQualityAndMemory() {
        Advice advice = advice(Engine.IDEAL, KvDtype.BF16);
        List<FitOption> frontier = Pareto.frontier(
                advice.options(), QualityBenchmark.DOCVQA, o -> o.estimate().totalBytes());
        assertThat(frontier).isNotEmpty();
        for (FitOption a : frontier) {
            double qa = Double.parseDouble(a.qualityOf(QualityBenchmark.DOCVQA));
            assertThat(advice.options())
                    .filteredOn(b -> b.qualityOf(QualityBenchmark.DOCVQA) != null)
                    .noneMatch(b -> Double.parseDouble(b.qualityOf(QualityBenchmark.DOCVQA)) > qa
                            && b.estimate().totalBytes() < a.estimate().totalBytes());
        }
        // and every option off it is beaten by one on it
        for (FitOption b : advice.options()) {
            if (b.qualityOf(QualityBenchmark.DOCVQA) == null || frontier.contains(b)) {
                continue;
            }
            double qb = Double.parseDouble(b.qualityOf(QualityBenchmark.DOCVQA));
            assertThat(frontier)
                    .anyMatch(a -> Double.parseDouble(a.qualityOf(QualityBenchmark.DOCVQA)) >= qb
                            && a.estimate().totalBytes() <= b.estimate().totalBytes());
        }
        // the 1B model reads no images: it has no DocVQA score and is left out
        assertThat(frontier).noneMatch(o -> o.model().startsWith("Gemma3-1B"));
    }

    /**
     * On an L4 the advice is 12B in SFP8: the report's one DocVQA score per model puts 12B Int4 on the frontier with
     * less memory, so the ★ is off the line; the chart says why instead of seeming to contradict the advice.
     */
    @Test
    void aRecommendationOffTheFrontierSaysWhy() {
        Advice advice = advice(Engine.IDEAL, KvDtype.BF16);
        ScatterChart.Data data = AdvisorPage.paretoChart(advice.request(), advice, false);
        ScatterChart.Point star = data.points().stream()
                .filter(p -> "★".equals(p.mark()))
                .findFirst()
                .orElseThrow();

        assertThat(data.frontier()).doesNotContain(star);
        assertThat(star.tooltip())
                .contains("off the frontier: Gemma3-12B-IT in Int4 (per-channel) has the same published score");
        assertThat(data.note()).isEqualTo("★ is off the dashed line: same score as Int4 (per-channel), more precise");
        // and a recommendation on the frontier (on 5 GB only 4B in Int4 fits) needs no note
        Advice onIt = advisor.advise(new AdviceRequest(
                ReportFixture.gpuPresets().byName("NVIDIA L4").orElseThrow(),
                5,
                1,
                32_768,
                1,
                KvDtype.BF16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                Engine.IDEAL));
        ScatterChart.Data small = AdvisorPage.paretoChart(onIt.request(), onIt, false);
        assertThat(small.frontier()).anyMatch(p -> "★".equals(p.mark()));
        assertThat(small.note()).isNull();
    }

    @Test
    void theChartMarksTheRecommendationAndRunnerUpAndDrawsTheFrontierAndTheGpu() {
        Advice advice = advice(Engine.LLAMACPP, KvDtype.Q8_0);
        ScatterChart.Data data = AdvisorPage.paretoChart(advice.request(), advice, false);
        Document svg = Jsoup.parse(ScatterChart.render(data), "", Parser.xmlParser());
        assertThat(svg.select("svg").attr("aria-labelledby"))
                .isEqualTo("pareto-memory-chart-title pareto-memory-chart-desc");
        assertThat(svg.select("circle.point")).hasSize(data.points().size());
        assertThat(svg.select("circle.point > title").eachText())
                .allMatch(t -> t.contains("DocVQA") && t.contains("GiB"));
        assertThat(svg.select("text.mark").eachText()).containsExactlyInAnyOrder("★", "2nd");
        assertThat(svg.select("g.frontier polyline")).hasSize(1);
        assertThat(svg.select("g.reference title").text()).isEqualTo("NVIDIA L4: 21.6 GiB usable");
        // every format llama.cpp loads is a point: bf16, Q8_0, Q6_K, Q5_K_M, Q4_K_M, Q4_0, QAT for 3 scored models
        assertThat(data.points()).hasSize(3 * 7);
    }

    /** Issue 30.8: one palette by model: the KV-against-context lines take each model's own colour. */
    @Test
    void theKvChartColoursEachModelAsTheOtherChartsDo() {
        GpuPreset l4 = ReportFixture.gpuPresets().byName("NVIDIA L4").orElseThrow();
        AdviceRequest request = new AdviceRequest(
                l4,
                l4.memoryGib(),
                1,
                32_768,
                1,
                KvDtype.BF16,
                true,
                WeightBytes.Options.DEFAULT,
                1.0,
                10,
                QualityBenchmark.DOCVQA,
                Engine.IDEAL);
        org.jsoup.nodes.Document svg = Jsoup.parse(
                com.gemmavision.charts.LineChart.render(
                        ReportFixture.advisorPage().kvChart(request, List.of("Gemma3-4B", "Gemma3-12B", "Gemma3-27B"))),
                "",
                Parser.xmlParser());
        for (String size : List.of("4B", "12B", "27B")) {
            String stroke = svg.select("g.line").stream()
                    .filter(g -> g.select("title").text().contains(size + " 5:1"))
                    .findFirst()
                    .orElseThrow()
                    .select("polyline")
                    .attr("stroke");
            assertThat(stroke).as(size).isEqualTo(com.gemmavision.charts.Palette.forModel("Gemma3-" + size + "-IT"));
        }
    }
}
