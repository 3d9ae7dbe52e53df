package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A corrected amount is read with its currency around it, never by dropping letters inside the number. */
class FieldCorrectionsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234.56|1234.56",
                "1.234,56|1234.56",
                "€ 1.234,56|1234.56",
                "EUR 1,234.56|1234.56",
                "1,234.56 USD|1234.56",
                "Rs. 100|100.00",
                "RM12.50|12.50",
                "-8.79|-8.79"
            })
    void anAmountIsReadWithItsCurrencyAround(String typed, String stored) throws Exception {
        assertThat(FieldCorrections.normalise("totalAmount", typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "1E3", "12x34", "0x1F", "NaN", "Infinity", "1.2.3e4"})
    void anythingElseWithLettersInsideIsRefused(String typed) {
        assertThatThrownBy(() -> FieldCorrections.normalise("totalAmount", typed))
                .isInstanceOf(FieldCorrections.Refused.class);
    }
}
