package com.gemmavision.pricing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The currencies a GPU price can be typed in, the same on the workload page and in the bake-off, so every cost the
 * app shows or exports names the currency its price was given in. US dollars by default: what cloud price lists use.
 */
public final class PriceCurrencies {

    public static final List<String> OFFERED =
            List.of("USD", "EUR", "GBP", "CHF", "JPY", "INR", "CNY", "CAD", "AUD", "SGD");

    public static final String DEFAULT = "USD";

    private PriceCurrencies() {}

    /** The currency asked for when it is one of {@link #OFFERED} (any case, spaces around), else empty. */
    public static Optional<String> parse(String asked) {
        if (asked == null) {
            return Optional.empty();
        }
        String code = asked.strip().toUpperCase(Locale.ROOT);
        return OFFERED.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** The currency asked for, or US dollars for anything else (a page that must still show a cost). */
    public static String orDefault(String asked) {
        return parse(asked).orElse(DEFAULT);
    }
}
