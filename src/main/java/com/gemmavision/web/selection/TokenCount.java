package com.gemmavision.web.selection;

import java.util.Locale;

/**
 * A number of tokens as people write them: "32768", "32,768", or "32k" / "128K", where K is 1,024 tokens as in
 * the model cards' "32K" and "128K" contexts. Bound from a parameter by Spring's conversion ({@link Forms}); any
 * other text is a type mismatch, refused in words.
 *
 * <p>It holds no text of the user's: Spring may also build it from {@code context.value} and
 * {@code context.thousands} parameters, and then nothing typed reaches a message unchecked.
 *
 * @param value     the tokens
 * @param thousands whether it was written in K (1,024 tokens)
 */
public record TokenCount(long value, boolean thousands) {

    /** As written, for messages: "32k (32,768)" or "32768". */
    public String typed() {
        return thousands && value % 1024 == 0
                ? String.format(Locale.ROOT, "%dk (%,d)", value / 1024, value)
                : Long.toString(value);
    }

    /** The typed text, or null when it is blank; IllegalArgumentException when it is not a number of tokens. */
    public static TokenCount parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.replaceAll("[\\s,_]", "");
        boolean thousands = plain.matches("\\d{1,9}[kK]");
        if (!thousands && !plain.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("not a number of tokens: " + UserText.quoted(text));
        }
        long parsed = thousands ? Long.parseLong(plain.substring(0, plain.length() - 1)) * 1024 : Long.parseLong(plain);
        return new TokenCount(parsed, thousands);
    }
}
