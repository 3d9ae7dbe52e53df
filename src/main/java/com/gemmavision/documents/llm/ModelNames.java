package com.gemmavision.documents.llm;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a served model's name says about it, as the publishers name them (gemma3:1b, google/gemma-3-1b-it). */
public final class ModelNames {

    private static final Pattern ONE_B = Pattern.compile("(^|[^0-9.])1b([^a-z0-9]|$)");

    private ModelNames() {}

    /**
     * Whether a name (a served model, or the advisor's Gemma3-1B-IT) is Gemma 3 1B, the one size without a vision
     * encoder: {@code gemma3:1b}, {@code google/gemma-3-1b-it}, {@code gemma-3-1b-it-q4_0.gguf} are; {@code 12b},
     * {@code 4b} and {@code 27b} are not.
     */
    public static boolean isOneB(String name) {
        return name != null && ONE_B.matcher(name.toLowerCase(Locale.ROOT)).find();
    }
}
