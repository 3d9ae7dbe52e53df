package com.gemmavision.web.session;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature's part of "Forget me": remove what it keeps for the user whose session this request carries, before
 * the session itself is deleted (the user's documents, say), and say beforehand what that is.
 */
public interface Forgetting {

    void forget(HttpServletRequest request);

    /** What {@link #forget} would remove, in words ("3 documents and their results"), or empty for nothing. */
    Optional<String> kept(HttpServletRequest request);
}
