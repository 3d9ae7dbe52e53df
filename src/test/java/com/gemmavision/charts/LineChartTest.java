package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static Document render() {
        return Jsoup.parse(
                LineChart.render(new LineChart.Data(
                        "kv",
                        "KV cache",
                        "KV against context",
                        "Context",
                        "GiB",
                        "GiB",
                        List.of(
                                new LineChart.Line(
                                        "27B window",
                                        List.of(
                                                new LineChart.Point(1024, 0.25, "0.25"),
                                                new LineChart.Point(131072, 10.41, "10.41")),
                                        false,
                                        0),
                                new LineChart.Line(
                                        "27B full",
                                        List.of(
                                                new LineChart.Point(1024, 0.48, "0.48"),
                                                new LineChart.Point(131072, 62.0, "62.00")),
                                        true,
                                        0)))),
                "",
                Parser.xmlParser());
    }

    @Test
    void everyPointHasATooltipWithItsExactValue() {
        assertThat(render().select("circle.point > title").eachText())
                .containsExactly(
                        "27B window — 1K tokens: 0.25 GiB", "27B window — 128K tokens: 10.41 GiB",
                        "27B full — 1K tokens: 0.48 GiB", "27B full — 128K tokens: 62.00 GiB");
    }

    @Test
    void usesALogarithmicAxisWithPowerOfTwoTicks() {
        Document svg = render();

        assertThat(svg.select("g.axis text").eachText()).contains("1K", "2K", "4K", "64K", "128K");
        double x1K = Double.parseDouble(svg.select("circle.point").get(0).attr("cx"));
        double x128K = Double.parseDouble(svg.select("circle.point").get(1).attr("cx"));
        assertThat(x128K - x1K).isGreaterThan(500);
    }

    @Test
    void dashedSeriesAreDashedInPlotAndLegend() {
        Document svg = render();

        assertThat(svg.select("polyline").get(1).hasAttr("stroke-dasharray")).isTrue();
        assertThat(svg.select("polyline").get(0).hasAttr("stroke-dasharray")).isFalse();
        assertThat(svg.select("g.legend line").get(1).hasAttr("stroke-dasharray"))
                .isTrue();
        assertThat(svg.selectFirst("svg").attr("role")).isEqualTo("img");
    }
}
