package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class StackedBarChartTest {

    private static BarChart parameters() {
        return new BarChart(
                "params",
                "Parameter counts",
                "Stacked parameters",
                "Parameters (millions)",
                "M",
                List.of("Gemma3-1B", "Gemma3-4B-IT"),
                List.of(
                        new Series("Vision Encoder", List.of(Datum.of(0), Datum.of(417))),
                        new Series("Embedding", List.of(Datum.of(302), Datum.of(675))),
                        new Series("Non-embedding", List.of(Datum.of(698), Datum.of(3209)))));
    }

    private static Document parse(String svg) {
        return Jsoup.parse(svg, "", Parser.xmlParser());
    }

    @Test
    void everySegmentHasATooltipWithComponentModelAndExactValue() {
        Document svg = parse(StackedBarChart.render(parameters()));

        List<String> tooltips = svg.select("rect.bar > title").eachText();

        assertThat(tooltips)
                .containsExactly(
                        "Embedding — Gemma3-1B: 302 M",
                        "Non-embedding — Gemma3-1B: 698 M",
                        "Vision Encoder — Gemma3-4B-IT: 417 M",
                        "Embedding — Gemma3-4B-IT: 675 M",
                        "Non-embedding — Gemma3-4B-IT: 3,209 M");
    }

    @Test
    void labelsEachStackWithTheSumOfItsParts() {
        Document svg = parse(StackedBarChart.render(parameters()));

        assertThat(svg.select("text.total")).extracting(Element::ownText).containsExactly("1,000", "4,301");
        assertThat(svg.select("text.total > title").eachText())
                .containsExactly(
                        "Total — Gemma3-1B: 1,000 M (sum of the segments)",
                        "Total — Gemma3-4B-IT: 4,301 M (sum of the segments)");
    }

    @Test
    void sumsDecimalValuesExactlyInTheirOwnPrecision() {
        BarChart chart = new BarChart(
                "m",
                "Memory",
                "d",
                "GB",
                "GB",
                List.of("x"),
                List.of(
                        new Series("a", List.of(new Datum(0.1, "0.1"))),
                        new Series("b", List.of(new Datum(0.2, "0.2")))));

        assertThat(parse(StackedBarChart.render(chart))
                        .selectFirst("text.total")
                        .ownText())
                .isEqualTo("0.3");
    }

    @Test
    void stacksSegmentsWithoutOverlap() {
        Document svg = parse(StackedBarChart.render(parameters()));
        List<Element> secondStack = svg.select("g.stack").get(1).select("rect.bar");

        for (int i = 1; i < secondStack.size(); i++) {
            double lowerTop = Double.parseDouble(secondStack.get(i - 1).attr("y"));
            double upperBottom = Double.parseDouble(secondStack.get(i).attr("y"))
                    + Double.parseDouble(secondStack.get(i).attr("height"));
            assertThat(upperBottom).isCloseTo(lowerTop, Offset.offset(0.02));
        }
    }

    @Test
    void hasAnAccessibleNameAndItsOwnSize() {
        Element root = parse(StackedBarChart.render(parameters())).selectFirst("svg");

        assertThat(root.attr("role")).isEqualTo("img");
        assertThat(root.attr("aria-labelledby")).isEqualTo("params-title params-desc");
        assertThat(root.selectFirst("#params-title").text()).isEqualTo("Parameter counts");
        assertThat(root.selectFirst("#params-desc").text()).isEqualTo("Stacked parameters");
        assertThat(root.attr("viewBox")).isEqualTo("0 0 720 400");
        // drawn at its own size, so the text keeps the size it was set in; its box scrolls on a narrow screen
        assertThat(root.attr("width")).isEqualTo("720");
        assertThat(root.attr("height")).isEqualTo("400");
    }

    @Test
    void escapesMarkupInLabels() {
        BarChart chart = new BarChart(
                "x",
                "<b>t</b>",
                "d & d",
                "v",
                "",
                List.of("<script>alert(1)</script>"),
                List.of(new Series("s\"", List.of(Datum.of(1)))));

        String svg = StackedBarChart.render(chart);

        assertThat(svg)
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("d &amp; d")
                .contains("s&quot;");
    }

    @Test
    void saysSoWhenNothingIsSelected() {
        BarChart chart = new BarChart("e", "Empty", "d", "v", "", List.of(), List.of());

        assertThat(parse(StackedBarChart.render(chart)).select("text").eachText())
                .contains("Nothing selected to draw.");
    }

    @Test
    void refusesASeriesThatDoesNotMatchTheCategories() {
        assertThatThrownBy(() -> new BarChart(
                        "e", "t", "d", "v", "", List.of("a", "b"), List.of(new Series("s", List.of(Datum.of(1))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values for 2 categories");
    }
}
