package com.gemmavision.views;

import java.time.OffsetDateTime;

/**
 * A named view of a page for the whole team: which page ({@code home} or {@code advisor}), its canonical query,
 * and in words what it selects.
 */
public record SavedView(
        String slug,
        String name,
        String note,
        String author,
        String page,
        String query,
        String description,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The short link's path. */
    public String path() {
        return "/v/" + slug;
    }
}
