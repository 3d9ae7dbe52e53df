package com.gemmavision.documents.extraction;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Every number that comes from outside (a model's answer, a labels file, an e-invoice's XML, a correction, a price)
 * is read here, with bounds on its length, its digits and its exponent before any arithmetic touches it. A
 * {@link BigDecimal} takes {@code 1e999999999} in a microsecond, but subtracting it from 12.50 builds a number of a
 * billion digits: a core for minutes, or "BigInteger would overflow". Money never needs more than
 * {@value #MAX_INTEGER_DIGITS} digits before the point or {@value #MAX_FRACTION_DIGITS} after it, so anything beyond
 * that is not a number here: simply wrong, or refused.
 */
public final class Decimals {

    /** Longest text read as a number. */
    public static final int MAX_LENGTH = 64;
    /** Digits before the decimal point: up to a billion billion. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the decimal point, once trailing zeros are dropped. */
    public static final int MAX_FRACTION_DIGITS = 12;

    private Decimals() {}

    /** The number {@code text} writes, plainly or with an exponent, when it is within the bounds; else empty. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(stripped);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return bounded(value);
    }

    /** A number already read (by a JSON parser, say), kept only when it is within the bounds. */
    public static Optional<BigDecimal> bounded(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        // precision and scale are read from the unscaled value and an int: no arithmetic on the magnitude
        if (value.precision() > MAX_LENGTH) {
            return Optional.empty();
        }
        BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        long integerDigits = (long) plain.precision() - plain.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || plain.scale() > MAX_FRACTION_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** What the bounds allow, in words, for refusals. */
    public static String bounds() {
        return "at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and " + MAX_FRACTION_DIGITS
                + " after it";
    }
}
