package com.gemmavision.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.ReportFixture;

import org.junit.jupiter.api.Test;

class QuantizationComparisonTest {

    private final QuantizationComparison comparison = ReportFixture.quantization();

    @Test
    void showsInt4At26PercentOfBf16For27BWeights() {
        QuantizationView view = comparison.view(List.of("Gemma3-27B-IT"), List.of("bf16", "int4"), false);

        Saving int4 = view.savings().get(1);
        assertThat(int4.format().code()).isEqualTo("int4");
        assertThat(int4.percentOfBf16()).isEqualTo(26);
        assertThat(int4.derivation()).isEqualTo("14.1 GB ÷ 54.0 GB");
    }

    @Test
    void theChartFollowsTheKvToggleWithTable3sFigures() {
        QuantizationView withKv = comparison.view(List.of("Gemma3-4B-IT", "Gemma3-1B"), List.of("sfp8"), true);

        assertThat(withKv.chart().categories()).containsExactly("Gemma3-4B-IT", "Gemma3-1B");
        assertThat(withKv.chart().series())
                .singleElement()
                .satisfies(s -> assertThat(s.values()).extracting(d -> d.text()).containsExactly("9.1", "1.9"));
        assertThat(withKv.kvStatusLabel()).isEqualTo("KV Cache Status (Yes)");
    }

    @Test
    void table3IsAlwaysCompleteAndMarksTheSelectedRows() {
        QuantizationView view = comparison.view(List.of("Gemma3-12B-IT"), List.of(), true);

        assertThat(view.table3()).hasSize(8);
        assertThat(view.table3())
                .filteredOn(Table3Row::selected)
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.model()).isEqualTo("Gemma3-12B");
                    assertThat(row.includesKvCache()).isTrue();
                    assertThat(row.cells())
                            .extracting(MemoryFootprint::gbText)
                            .containsExactly("38.9", "21.5", "22.0", "27.3");
                });
        assertThat(view.savings()).isEmpty();
    }
}
