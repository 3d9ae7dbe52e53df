package com.gemmavision.documents;

import java.time.Instant;

import com.gemmavision.documents.processing.DocumentStatus;

/** A document's record without its bytes: what lists, progress bars and the JSON show. */
public record StoredDocument(
        String id,
        String owner,
        String filename,
        String mediaType,
        long sizeBytes,
        DocumentStatus status,
        double progress,
        String stage,
        String error,
        Integer pageCount,
        Integer widthPx,
        Integer heightPx,
        boolean encrypted,
        Instant createdAt) {

    public DocumentKind kind() {
        return DocumentKind.byMediaType(mediaType).orElseThrow();
    }

    public int progressPercent() {
        return (int) Math.round(progress * 100);
    }
}
