package com.gemmavision.web.session;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature's part of "Forget me": remove what it keeps for the user whose session this request carries, before
 * the session itself is deleted (the user's documents, say).
 */
public interface Forgetting {

    void forget(HttpServletRequest request);
}
