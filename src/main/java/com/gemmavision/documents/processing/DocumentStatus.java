package com.gemmavision.documents.processing;

import java.util.Locale;

/** Where a document is in processing; the JSON contract uses the lower-case names. */
public enum DocumentStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
