package com.gemmavision.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.gemmavision.ReportFixture;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbilityRadarTest {

    private final AbilityRadar radar = ReportFixture.radar();

    @ParameterizedTest(name = "{0} {1} = {2} over {3}")
    @CsvSource({
        // Table 10: MBPP 65.6, HumanEval 48.8 -> 114.4 / 2
        "Gemma3-27B, Code, 57.2, 2",
        // Table 9: TriviaQA 60.2, Natural Questions 17.2 -> 77.4 / 2
        "Gemma2-2B, Factuality, 38.7, 2",
        // Table 9: TriviaQA 39.8, Natural Questions 9.48 -> 49.28 / 2 = 24.64
        "Gemma3-1B, Factuality, 24.6, 2",
        // Table 10: MMLU 59.6, MMLU-Pro 29.2, AGIEval 42.1, MATH 24.2, GSM8K 38.4, GPQA 15.0 -> 208.5 / 6 = 34.75
        "Gemma3-4B, Science, 34.8, 6",
        // Table 13: 74.3 + 75.7 + 55.7 + 48.8 + 76.8 + 24.4 + 63.4 = 419.1 / 7 = 59.87
        "Gemma3-27B, Multilingual, 59.9, 7",
        // Table 11, 14 benchmarks without COCO: 72.8+44.1+39.2+58.9+45.5+27.3+63.2+63.6+63.9+38.0+51.0+42.5+50.9+26.1 =
        // 687.0 / 14
        "Gemma3-4B, Vision, 49.1, 14",
        // Table 9 reasoning: 85.6+82.4+83.3+54.9+70.6+89.0+78.8+77.7+77.2 = 699.5 / 9 = 77.72
        "Gemma3-27B, Reasoning, 77.7, 9"
    })
    void averagesTheMappedPublishedScores(String model, String axis, String mean, int count) {
        AbilityRadar.AxisValue value = radar.value(model, axis).orElseThrow();

        assertThat(value.mean()).isEqualByComparingTo(new BigDecimal(mean));
        assertThat(value.count()).isEqualTo(count);
    }

    @Test
    void aModelWithoutDataOnAnAxisHasAGapNotAZero() {
        assertThat(radar.value("Gemma3-1B", "Code")).isEmpty();
        assertThat(radar.value("Gemma2-27B", "Vision")).isEmpty();

        String svg = radar.view(List.of("Gemma3-1B")).chartSvg();
        var doc = Jsoup.parse(svg, "", Parser.xmlParser());
        // one mark per axis, naming every model without data there (marks per model overlapped)
        assertThat(doc.select("text.gap > title").eachText())
                .contains("Code: no published data for Gemma3-1B")
                .anyMatch(t -> t.startsWith("Vision: no published data for ")
                        && t.contains("Gemma3-1B")
                        && t.contains("Gemma2-27B"));
        assertThat(doc.select("text.gap > title").eachText().stream()
                        .map(t -> t.substring(0, t.indexOf(':')))
                        .toList())
                .doesNotHaveDuplicates();
        assertThat(doc.select("circle.point > title").eachText())
                .contains("Gemma3-1B — Factuality: 24.6 (mean of 2)")
                .noneMatch(t -> t.startsWith("Gemma3-1B — Code"));
    }

    @Test
    void comparesGemma2WithTheSelectedGemma3Sizes() {
        AbilityRadar.RadarView view = radar.view(List.of("Gemma3-4B", "Gemma3-27B"));

        assertThat(view.valuesByModel().keySet())
                .containsExactly("Gemma2-2B", "Gemma2-9B", "Gemma2-27B", "Gemma3-4B", "Gemma3-27B");
        assertThat(view.axes()).containsExactly("Vision", "Code", "Science", "Factuality", "Reasoning", "Multilingual");
        assertThat(view.chartSvg()).contains("derived");
    }
}
