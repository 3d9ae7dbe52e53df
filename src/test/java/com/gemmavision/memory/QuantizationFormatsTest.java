package com.gemmavision.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.ReportFixture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantizationFormatsTest {

    private final QuantizationFormats formats = ReportFixture.formats();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bfloat16|Standard 16-bit floating-point precision, often used for raw model weights.",
                "Int4|4-bit integer quantization, drastically reduces memory but may impact precision.",
                "SFP8|8-bit scaled floating-point format, offering a balance between bfloat16 and Int4.",
                "KV Cache Status (No)|Memory used for model weights, with KV cache memory *not* included.",
                "KV Cache Status (Yes)|Memory used for model weights *and* the Key-Value cache.",
                "int4-b32|4-bit integer quantization with its own scale for every block of 32 weights: slightly larger than per-channel Int4, and more precise.",
                "FP4|Unknown quantization strategy.",
                "''|Unknown quantization strategy."
            })
    void describesEachStrategyInTheProductsWords(String label, String description) {
        assertThat(formats.describe(label)).isEqualTo(description);
    }
}
