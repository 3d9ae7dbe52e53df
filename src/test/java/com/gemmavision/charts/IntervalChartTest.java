package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class IntervalChartTest {

    private static Document render() {
        return Jsoup.parse(
                IntervalChart.render(new IntervalChart.Data(
                        "arena",
                        "Arena",
                        "Elo with intervals",
                        "Elo",
                        List.of(
                                new IntervalChart.Row("Grok-3", 1412, 8, 10, "1412", false),
                                new IntervalChart.Row("Gemma-3-27B-IT", 1338, 8, 9, "1338", true)))),
                "",
                Parser.xmlParser());
    }

    @Test
    void drawsAWhiskerSpanningThePublishedInterval() {
        Document svg = render();
        Element bar = svg.select("rect.bar").get(1);
        List<Element> lines = svg.select("g.whisker").get(1).select("line");
        double barEnd = Double.parseDouble(bar.attr("x")) + Double.parseDouble(bar.attr("width"));
        double low = Double.parseDouble(lines.get(0).attr("x1"));
        double high = Double.parseDouble(lines.get(0).attr("x2"));

        // 1338 -9 / +8: the whisker runs from 1329 to 1346 around the bar's end at 1338.
        assertThat(barEnd - low).isGreaterThan(0);
        assertThat(high - barEnd).isGreaterThan(0);
        assertThat((barEnd - low) / (high - barEnd)).isCloseTo(9.0 / 8.0, Offset.offset(0.05));
        assertThat(lines).hasSize(3);
    }

    @Test
    void tooltipsStateValueAndIntervalAndHighlightedRowsStandOut() {
        Document svg = render();

        assertThat(svg.select("rect.bar > title").eachText())
                .containsExactly("Grok-3: 1412 (95% CI +8 / -10)", "Gemma-3-27B-IT: 1338 (95% CI +8 / -9)");
        assertThat(svg.select("g.row.highlighted text").text()).isEqualTo("Gemma-3-27B-IT");
        assertThat(svg.select("g.axis text").last().text()).startsWith("Elo (axis starts at");
    }
}
