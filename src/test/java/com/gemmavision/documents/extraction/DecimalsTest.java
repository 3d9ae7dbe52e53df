package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Numbers from outside are bounded before any arithmetic: a huge exponent is no number, at once. */
class DecimalsTest {

    @Test
    void ordinaryAmountsAreRead() {
        assertThat(Decimals.parse(" 1234.56 ")).contains(new BigDecimal("1234.56"));
        assertThat(Decimals.parse("-0.5")).contains(new BigDecimal("-0.5"));
        assertThat(Decimals.parse("1.5e3"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1500"));
        assertThat(Decimals.parse("0E-400"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(Decimals.parse("999999999999999999.999999999999")).isPresent();
    }

    @Test
    @Timeout(2)
    void hugeExponentsDigitsAndGarbageAreNoNumber() {
        for (String text : new String[] {
            "1e99999999",
            "1e999999999",
            "1e400",
            "-1E-2147483648",
            "1e-99999999",
            "1E+2147483647",
            "9".repeat(19),
            "0." + "1".repeat(13),
            "1".repeat(65),
            "12x",
            "",
            "NaN",
            "Infinity"
        }) {
            assertThat(Decimals.parse(text)).as(text).isEmpty();
        }
        assertThat(Decimals.parse(null)).isEmpty();
        assertThat(Decimals.bounded(new BigDecimal("1e400"))).isEmpty();
    }

    @Test
    @Timeout(2)
    void aModelAnswerWithAHugeExponentIsWrongAtOnceWhateverTheLabel() {
        BigDecimal label = new BigDecimal("12.50");
        assertThat(FieldComparison.compare("totalAmount", label, "1e99999999"))
                .isEqualTo(FieldComparison.Outcome.WRONG);
        assertThat(FieldComparison.compare("totalAmount", label, "1e999999999"))
                .isEqualTo(FieldComparison.Outcome.WRONG);
        assertThat(FieldComparison.compare("totalAmount", new BigDecimal("1e999999999"), "12.50"))
                .isEqualTo(FieldComparison.Outcome.WRONG);
        assertThat(FieldComparison.compare("totalAmount", label, "12.5")).isEqualTo(FieldComparison.Outcome.RIGHT);
    }

    @Test
    @Timeout(2)
    void anEInvoiceAmountWithAHugeExponentIsNoAmount() {
        assertThat(EInvoiceXml.amount("1e999999999")).isNull();
        assertThat(EInvoiceXml.amount("12.345")).isEqualTo("12.35");
    }
}
