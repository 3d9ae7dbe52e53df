package com.gemmavision.documents.extraction;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Whether a value read from a document is its labelled one, by the corpus's comparison rules
 * ({@code ../shared/corpus/README.md}): amounts to the cent, numbers, dates and currencies exactly, ids without spaces
 * or case, names with case and runs of spaces folded. The extraction bench and the bake-off score with it alike.
 */
public final class FieldComparison {

    public enum Outcome {
        RIGHT,
        WRONG,
        MISSED
    }

    private static final BigDecimal HALF_A_CENT = new BigDecimal("0.005");

    private FieldComparison() {}

    /**
     * @param expected the label: a {@link BigDecimal} for an amount, else its text
     * @param actual   what was read, null or blank when nothing was
     */
    public static Outcome compare(String field, Object expected, String actual) {
        if (actual == null || actual.isBlank()) {
            return Outcome.MISSED;
        }
        boolean same;
        if (expected instanceof BigDecimal label) {
            BigDecimal amount = Decimals.bounded(label).orElse(null);
            BigDecimal value = decimal(actual);
            if (amount == null) {
                return Outcome.WRONG;
            }
            same = value != null && value.subtract(amount).abs().compareTo(HALF_A_CENT) < 0;
        } else {
            String label = String.valueOf(expected);
            if (field.equals("invoiceNumber") || field.endsWith("Date") || field.equals("currency")) {
                same = actual.strip().equals(label);
            } else if (field.equals("iban") || field.endsWith("VatId")) {
                same = fold(actual, "").equals(fold(label, ""));
            } else {
                same = fold(actual, " ").equals(fold(label, " "));
            }
        }
        return same ? Outcome.RIGHT : Outcome.WRONG;
    }

    /** The answer as a bounded number: one out of bounds ({@code 1e999999999}) is simply wrong, never arithmetic. */
    private static BigDecimal decimal(String text) {
        return Decimals.parse(text).orElse(null);
    }

    private static String fold(String text, String space) {
        return text.strip().replaceAll("\\s+", space).toLowerCase(Locale.ROOT);
    }
}
