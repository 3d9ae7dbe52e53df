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
        // every format llama.cpp loads is a point: bf16, Q8_0, Q6_K, Q4_K_M, Q4_0, QAT for 3 scored models
        assertThat(data.points()).hasSize(3 * 6);
    }
}
