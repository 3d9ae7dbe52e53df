package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class GroupedBarChartTest {

    private static Document render(BarChart chart) {
        return Jsoup.parse(GroupedBarChart.render(chart), "", Parser.xmlParser());
    }

    /** A chart of one benchmark with a series per model, as Table 8 and Table 15 draw them. */
    static String svgWithSeries(String... models) {
        List<Series> series = new java.util.ArrayList<>();
        for (String model : models) {
            series.add(new Series(model, List.of(Datum.of(new BigDecimal("50.0"), "50.0"))));
        }
        return GroupedBarChart.render(
                new BarChart("bench", "Benchmark", "By model", "Score", "", List.of("MMLU"), series));
    }

    private static BarChart memory() {
        return new BarChart(
                "memory",
                "Memory",
                "Grouped memory",
                "Memory (GB)",
                "GB",
                List.of("Gemma3-1B", "Gemma3-27B-IT"),
                List.of(
                        new Series(
                                "bfloat16",
                                List.of(
                                        Datum.of(new BigDecimal("2.0"), "2.0"),
                                        Datum.of(new BigDecimal("54.0"), "54.0"))),
                        new Series(
                                "Int4",
                                List.of(
                                        Datum.of(new BigDecimal("0.5"), "0.5"),
                                        Datum.of(new BigDecimal("14.1"), "14.1")))));
    }

    @Test
    void everyBarHasATooltipWithItsExactPrintedValue() {
        assertThat(render(memory()).select("rect.bar > title").eachText())
                .containsExactly(
                        "bfloat16 — Gemma3-1B: 2.0 GB", "Int4 — Gemma3-1B: 0.5 GB",
                        "bfloat16 — Gemma3-27B-IT: 54.0 GB", "Int4 — Gemma3-27B-IT: 14.1 GB");
    }

    @Test
    void barHeightsAreProportionalToValues() {
        Document svg = render(memory());
        double bf16 = Double.parseDouble(svg.select("rect.bar").get(2).attr("height"));
        double int4 = Double.parseDouble(svg.select("rect.bar").get(3).attr("height"));

        assertThat(int4 / bf16).isCloseTo(14.1 / 54.0, Offset.offset(0.002));
    }

    @Test
    void aMissingValueIsAMarkedGapNotAZeroBar() {
        BarChart chart = new BarChart(
                "gap",
                "Scores",
                "d",
                "Score",
                "",
                List.of("MMMU"),
                List.of(
                        new Series("Gemma2-2B-IT", Arrays.asList((Datum) null)),
                        new Series("Gemma3-4B-IT", List.of(new Datum(48.8, "48.8")))));

        Document svg = render(chart);

        assertThat(svg.select("rect.bar")).hasSize(1);
        assertThat(svg.select("text.gap > title").text()).isEqualTo("Gemma2-2B-IT — MMMU: no published value");
    }

    @Test
    void drawsALegendEntryPerSeriesInPaletteColours() {
        Document svg = render(memory());

        assertThat(svg.select("g.legend text").eachText()).containsExactly("bfloat16", "Int4");
        assertThat(svg.select("g.legend rect").eachAttr("fill")).containsExactly(Palette.colour(0), Palette.colour(1));
    }
}
