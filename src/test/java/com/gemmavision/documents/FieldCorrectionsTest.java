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
                "-8.79|-8.79",
                "1 234,56 €|1234.56",
                "12|12.00",
                "CHF 99.9|99.90"
            })
    void anAmountIsReadWithItsCurrencyAround(String typed, String stored) throws Exception {
        assertThat(FieldCorrections.normalise("totalAmount", typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e308",
                "1E3",
                "12x34",
                "0x1F",
                "NaN",
                "Infinity",
                "1.2.3e4",
                "218,3l",
                "12x",
                "100.00.00",
                "1,2,3",
                "12.345.6",
                "abc 12",
                "12 kg"
            })
    void anythingElseWithLettersInsideIsRefused(String typed) {
        assertThatThrownBy(() -> FieldCorrections.normalise("totalAmount", typed))
                .isInstanceOf(FieldCorrections.Refused.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-03-31|2024-03-31",
                "31.03.2024|2024-03-31",
                "31/03/2024|2024-03-31",
                "31 March 2024|2024-03-31"
            })
    void aDateIsTakenWhole(String typed, String stored) {
        assertThat(FieldCorrections.normalise("issueDate", typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "31/02/2014|February 2014 has 28 days",
                "2023-02-29|February 2023 has 28 days",
                "31.04.2024|April 2024 has 30 days",
                "13/13/2024|there is no month 13",
                "on 2024-03-31 maybe|enter only the date",
                "2024-03-31x|enter only the date"
            })
    void aDateThatDoesNotExistOrHasTextBesideItIsRefusedSayingWhy(String typed, String said) {
        assertThatThrownBy(() -> FieldCorrections.normalise("issueDate", typed))
                .isInstanceOf(FieldCorrections.Refused.class)
                .hasMessageContaining(said);
    }

    /** Issue 30.9: the time of a correction in words on the page (the stored correction keeps the instant). */
    @org.junit.jupiter.api.Test
    void aCorrectionSaysWhenInWords() {
        var field = FieldCorrections.corrected(
                "totalAmount", "12.00", "11.00", java.time.Instant.parse("2026-12-07T16:24:10.418382469Z"));
        assertThat(field.passed()).containsExactly("corrected by a person on 7 Dec 2026 at 16:24 UTC");
    }
}
