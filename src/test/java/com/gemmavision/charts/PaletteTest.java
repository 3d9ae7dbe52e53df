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
}
