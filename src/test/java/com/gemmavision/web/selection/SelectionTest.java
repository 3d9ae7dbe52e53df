package com.gemmavision.web.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void writesTheBookmarkContractAsACanonicalQueryString() {
        Selection selection = new Selection(
                List.of("Gemma3-4B-IT", "Gemma3-27B-IT"),
                List.of("bf16", "int4-b32"),
                true,
                List.of("arena"),
                List.of(5, 15));

        assertThat(selection.toQueryString())
                .isEqualTo(
                        "model=Gemma3-4B-IT&model=Gemma3-27B-IT&quant=bf16&quant=int4-b32&kv=true&bench=arena&table=5&table=15");
    }

    @Test
    void keepsAnEmptyChoiceAsAnEmptyValueSoItSurvivesABookmark() {
        Selection selection = new Selection(List.of(), List.of(), false, List.of(), List.of());

        assertThat(selection.toQueryString()).isEqualTo("model=&quant=&kv=false&bench=&table=");
    }
}
