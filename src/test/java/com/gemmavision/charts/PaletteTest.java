package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One colour per model, the same in every chart, and none shared among the report's models. */
class PaletteTest {

    static final List<String> REPORT_MODELS = List.of(
            "Gemma3-1B",
            "Gemma3-4B",
            "Gemma3-12B",
            "Gemma3-27B",
            "Gemma2-2B",
            "Gemma2-9B",
            "Gemma2-27B",
            "Gemini-1.5-Flash",
            "Gemini-1.5-Pro",
            "Gemini-2.0-Flash",
            "Gemini-2.0-Pro",
            "PaliGemma2-2B");

    @Test
    void geminiFlashNoLongerSharesGemma27BsBlue() {
        assertThat(Palette.forModel("Gemini-1.5-Flash")).isNotEqualTo(Palette.forModel("Gemma3-27B-IT"));
    }

    @Test
    void aModelKeepsItsColourWhateverItsVariantOrCase() {
        assertThat(Palette.forModel("Gemma3-27B-IT"))
                .isEqualTo(Palette.forModel("Gemma3-27B"))
                .isEqualTo(Palette.forModel("gemma3-27b-pt"));
    }

    @Test
    void twelveModelsTwelveColours() {
        assertThat(REPORT_MODELS.stream().map(Palette::forModel).distinct()).hasSize(12);
    }

    /** Gemma2-27B and Gemma3-27B sit side by side in Tables 8 and 15: their hues are far apart. */
    @Test
    void gemma2And3AtTwentySevenBAreEasyToTellApart() {
        assertThat(hueDistance(Palette.forModel("Gemma3-27B"), Palette.forModel("Gemma2-27B")))
                .isGreaterThan(60);
    }

    /** A grouped or stacked bar chart of models colours each model as the radar and small multiples do. */
    @Test
    void aSeriesThatIsAModelTakesTheModelsColourOthersTheirPlace() {
        assertThat(Palette.forSeries("Gemma2-27B-IT", 0)).isEqualTo(Palette.forModel("Gemma2-27B"));
        assertThat(Palette.forSeries("Gemma3-4B", 5)).isEqualTo(Palette.forModel("Gemma3-4B-IT"));
        assertThat(Palette.forSeries("int4", 0)).isEqualTo(Palette.colour(0));
        assertThat(Palette.forSeries("int4", 1)).isEqualTo(Palette.colour(1));
        String bar = GroupedBarChartTest.svgWithSeries("Gemma2-27B", "Gemma3-27B");
        assertThat(bar).contains("fill=\"" + Palette.forModel("Gemma2-27B") + "\"");
        assertThat(bar).contains("fill=\"" + Palette.forModel("Gemma3-27B") + "\"");
    }

    private static double hueDistance(String a, String b) {
        double d = Math.abs(hue(a) - hue(b));
        return Math.min(d, 360 - d);
    }

    private static double hue(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, null);
        return hsb[0] * 360;
    }
}
