package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class ScatterChartTest {

    private static ScatterChart.Point point(double x, double y, String model, String mark) {
        return new ScatterChart.Point(x, y, model, model, true, mark, model + " at " + x + " GiB, score " + y);
    }

    private static Document render(ScatterChart.Data data) {
        return Jsoup.parse(ScatterChart.render(data), "", Parser.xmlParser());
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.attr(name));
    }

    @Test
    void pointsOfOneScoreThatWouldCoverEachOtherAreMovedApartAndKeepTheirExactValuesInTheTooltip() {
        // a model's formats share its published score: 4.3 and 4.6 GiB were one blot at 60 GiB across
        List<ScatterChart.Point> points = List.of(
                point(4.3, 75.8, "Gemma3-4B-IT", null),
                point(4.6, 75.8, "Gemma3-4B-IT", null),
                point(4.9, 75.8, "Gemma3-4B-IT", null),
                point(60, 87.1, "Gemma3-27B-IT", null));
        Document svg = render(new ScatterChart.Data("c", "t", "d", "x", "y", points, List.of(), null));

        List<Element> circles = svg.select("circle.point");
        assertThat(circles).hasSize(4);
        for (int i = 0; i < circles.size(); i++) {
            for (int j = i + 1; j < circles.size(); j++) {
                Element a = circles.get(i);
                Element b = circles.get(j);
                double distance = Math.hypot(attr(a, "cx") - attr(b, "cx"), attr(a, "cy") - attr(b, "cy"));
                assertThat(distance).isGreaterThanOrEqualTo(attr(a, "r") + attr(b, "r"));
            }
        }
        assertThat(svg.select("circle.point > title").eachText()).contains("Gemma3-4B-IT at 4.6 GiB, score 75.8");
    }

    @Test
    void aMarkNeverCrossesTheGpuLineNorCoversAPoint() {
        // the runner-up just left of the GPU's line, with a neighbour to its right-below: "2nd" went over the line
        List<ScatterChart.Point> points = List.of(
                point(20.8, 86.6, "Gemma3-27B-IT", "2nd"),
                point(15, 87.1, "Gemma3-12B-IT", "★"),
                point(16.2, 87.1, "Gemma3-12B-IT", null),
                point(40, 80, "Gemma3-4B-IT", null));
        ReferenceLine gpu = new ReferenceLine(21.6, "NVIDIA L4: 21.6 GiB usable");
        Document svg = render(new ScatterChart.Data("c", "t", "d", "x", "y", points, List.of(), gpu));

        double lineX = attr(svg.selectFirst("g.reference line"), "x1");
        List<Element> marks = svg.select("text.mark");
        assertThat(marks.stream().map(Element::text)).containsExactlyInAnyOrder("★", "2nd");
        for (Element mark : marks) {
            double left = attr(mark, "x");
            double right = left + mark.text().codePointCount(0, mark.text().length()) * 9 + 1;
            assertThat(right < lineX || left > lineX).as(mark.text()).isTrue();
            double baseline = attr(mark, "y");
            for (Element c : svg.select("circle.point")) {
                double nx = Math.max(left, Math.min(attr(c, "cx"), right));
                double ny = Math.max(baseline - 11, Math.min(attr(c, "cy"), baseline + 3));
                assertThat(Math.hypot(attr(c, "cx") - nx, attr(c, "cy") - ny))
                        .as(mark.text() + " against " + c.selectFirst("title").text())
                        .isGreaterThanOrEqualTo(attr(c, "r"));
            }
        }
    }

    @Test
    void aNoteIsALineOfTheLegendAndTheChartGrowsForIt() {
        List<ScatterChart.Point> points = List.of(point(1, 1, "Gemma3-4B-IT", "★"));
        Document plain = render(new ScatterChart.Data("c", "t", "d", "x", "y", points, List.of(), null));
        Document noted = render(new ScatterChart.Data(
                "c", "t", "d", "x", "y", points, List.of(), null, "★ is off the dashed line: same score as Int4"));

        assertThat(plain.select("text.note")).isEmpty();
        assertThat(noted.selectFirst("text.note").text()).isEqualTo("★ is off the dashed line: same score as Int4");
        assertThat(noted.selectFirst("svg").attr("height")).isEqualTo("480");
    }
}
