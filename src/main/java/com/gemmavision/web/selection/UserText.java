package com.gemmavision.web.selection;

/**
 * How a value a user typed is quoted back in a message ("Unknown model “…”"): stripped and cut to
 * {@value #SHOWN} code points with an ellipsis, never inside a character. Templates and Jackson escape it.
 */
public final class UserText {

    static final int SHOWN = 40;

    private UserText() {}

    public static String quoted(String value) {
        String text = value == null ? "" : value.strip();
        if (text.codePointCount(0, text.length()) <= SHOWN) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SHOWN)) + "…";
    }
}
