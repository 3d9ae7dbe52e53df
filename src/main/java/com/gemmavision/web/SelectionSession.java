package com.gemmavision.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.database.Checkpoint;

import org.springframework.stereotype.Component;

/**
 * Keeps the user's last selection in the JDBC-backed session, as its canonical query string: plain text
 * survives releases that change the Selection record, where a serialized object would not.
 */
@Component
public class SelectionSession {

    private final Checkpoint checkpoint;

    public SelectionSession(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    static final String ATTRIBUTE = "gemmavision.selection";

    public Optional<String> storedQuery(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
    }

    /**
     * Stores the selection; the session (and its row) is written only when the selection changed, at once (the
     * session repository flushes immediately) and to disk before the answer goes out. A new session
     * is started only for a client that keeps cookies (it sent one back, the CSRF cookie every page sets, say):
     * a crawler, a probe or a load tester following links without cookies would otherwise leave a session row
     * behind per request, each kept for 30 days, for a selection it can never come back to.
     */
    public void store(HttpServletRequest request, Selection selection) {
        String query = selection.toQueryString();
        if (query.equals(storedQuery(request).orElse(null))) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null && !keepsCookies(request)) {
            return;
        }
        (session == null ? request.getSession(true) : session).setAttribute(ATTRIBUTE, query);
        checkpoint.now();
    }

    private static boolean keepsCookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && cookies.length > 0;
    }
}
