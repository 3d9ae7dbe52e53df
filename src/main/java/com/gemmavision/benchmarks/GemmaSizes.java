package com.gemmavision.benchmarks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Gemma 3 size out of a report column name: "Gemma3-4B-IT", "Gemma3-4B-PT" and "Gemma3-4B" are 4B. */
final class GemmaSizes {

    private static final Pattern GEMMA3 = Pattern.compile("^Gemma3-(\\d+B)");

    private GemmaSizes() {}

    /** The base model ("Gemma3-4B") of a Gemma 3 column, empty for other families. */
    static Optional<String> baseModel(String column) {
        Matcher matcher = GEMMA3.matcher(column);
        return matcher.find() ? Optional.of("Gemma3-" + matcher.group(1)) : Optional.empty();
    }
}
