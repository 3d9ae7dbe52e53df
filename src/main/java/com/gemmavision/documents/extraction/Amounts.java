package com.gemmavision.documents.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts as printed in any of the usual conventions: 1.234,56 / 1,234.56 / 1 234,56 / 1'234.56 /
 * 1234.56, with or without a currency sign. The last separator followed by exactly two digits is the
 * decimal one; the others group thousands.
 */
public final class Amounts {

    /**
     * A number with optional thousands groups and decimals; not part of a longer word or a percentage; a whole
     * number without decimals not glued to letters either.
     */
    private static final Pattern AMOUNT =
            Pattern.compile("(?<![\\w.,])-?\\d{1,3}(?:[.,'\u00a0\u202f ]\\d{3})+(?:[.,]\\d{1,2})?(?![\\d%]|[.,]\\d)"
                    + "|(?<![\\w.,])-?\\d+[.,]\\d{1,2}(?![\\d%]|[.,]\\d)"
                    // a bare whole number stands apart: not "8" in OCR's "Ge-8s)"
                    + "|(?<![\\w.,-])-?\\d+(?![\\d%\\p{L}]|[.,]\\d)");

    private Amounts() {}

    /** A printed amount as a plain decimal ("1.234,56" -> 1234.56), or empty if it is not one. */
    public static Optional<BigDecimal> parse(String printed) {
        String text = printed.trim().replace("\u00a0", " ").replace("\u202f", " ");
        if (!text.matches("-?[\\d.,' ]+")) {
            return Optional.empty();
        }
        int lastDot = text.lastIndexOf('.');
        int lastComma = text.lastIndexOf(',');
        int decimal = Math.max(lastDot, lastComma);
        String integerPart = text;
        String fraction = "";
        if (decimal >= 0 && text.length() - decimal - 1 <= 2 && text.length() - decimal - 1 >= 1) {
            integerPart = text.substring(0, decimal);
            fraction = text.substring(decimal + 1);
        }
        String digits = integerPart.replaceAll("[.,' ]", "");
        if (digits.isEmpty() || digits.equals("-")) {
            return Optional.empty();
        }
        return Decimals.parse(fraction.isEmpty() ? digits : digits + "." + fraction);
    }

    /** Every amount on a line, in order; percentages, dates and parts of identifiers are skipped. */
    static List<Found> find(String line) {
        List<Found> found = new ArrayList<>();
        String masked = maskDates(line);
        Matcher matcher = AMOUNT.matcher(masked);
        while (matcher.find()) {
            parse(matcher.group())
                    .ifPresent(
                            value -> found.add(new Found(value, matcher.group().trim())));
        }
        return found;
    }

    /** Dates look like amounts ("02.07.2015"); blank them out before looking for money. */
    private static String maskDates(String line) {
        return Dates.DATE_LIKE
                .matcher(line)
                .replaceAll(m -> " ".repeat(m.group().length()));
    }

    record Found(BigDecimal value, String printed) {
        boolean hasDecimals() {
            return printed.matches(".*[.,]\\d{2}$");
        }
    }
}
