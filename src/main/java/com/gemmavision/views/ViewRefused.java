package com.gemmavision.views;

/** Why a view could not be saved, renamed or deleted, in words for the page, with the field at fault. */
public class ViewRefused extends RuntimeException {

    /** What kind of refusal, for the answer's status. */
    public enum Reason {
        INVALID,
        FULL,
        NOT_FOUND,
        NOT_YOURS,
        TOO_MANY
    }

    private final Reason reason;
    private final String field;

    ViewRefused(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field at fault, or null. */
    public String field() {
        return field;
    }
}
