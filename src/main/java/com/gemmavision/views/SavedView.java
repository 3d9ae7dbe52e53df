package com.gemmavision.views;

import java.time.OffsetDateTime;

/**
 * A named view of a page for the whole team: which page ({@code home} or {@code advisor}), its canonical query,
 * and in words what it selects; {@code owner} is the saving session's token, never shown.
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
        OffsetDateTime updatedAt,
        String owner) {

    /** Whether {@code who} (a session's owner token, possibly null) saved this view. */
    public boolean ownedBy(String who) {
        return owner != null && owner.equals(who);
    }

    /** The short link's path. */
    public String path() {
        return "/v/" + slug;
    }
}
