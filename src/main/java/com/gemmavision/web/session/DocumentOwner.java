package com.gemmavision.web.session;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.web.selection.SessionStarts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who owns documents: a random token kept in the user's session. Documents reference the token, not the
 * session id, so they stay reachable from that session only, whatever the session store does with ids. A session
 * is started only for work that is accepted (a document stored, a view saved), and counts against its client
 * address's budget of new sessions a minute ({@link SessionStarts}).
 */
@Component
public class DocumentOwner {

    public static final String ATTRIBUTE = "gemmavision.documentOwner";

    /** The owner of a request without a session: a token no session ever has, so it owns nothing. */
    public static final String NOBODY = "-";

    static final String TOO_MANY = "Too many new sessions from your address this minute; wait a minute and try again.";

    private final SessionStarts starts;

    public DocumentOwner(SessionStarts starts) {
        this.starts = starts;
    }

    public Optional<String> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
    }

    /** The current owner, or {@link #NOBODY}: for reads and for work that is checked before anything is kept. */
    public String currentOrNobody(HttpServletRequest request) {
        return current(request).orElse(NOBODY);
    }

    /** Whether a request without an owner could start one now (a refusal can then be said before any work). */
    public boolean mayStart(HttpServletRequest request) {
        return current(request).isPresent() || starts.mayStart(request.getRemoteAddr());
    }

    /**
     * The current owner, or a new one in a new session, for work that was accepted; 429 in words when the client
     * address has started its share of sessions this minute.
     */
    public String currentOrNew(HttpServletRequest request) {
        return current(request).orElseGet(() -> {
            if (!starts.start(request.getRemoteAddr())) {
                throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
            }
            String owner = UUID.randomUUID().toString();
            request.getSession(true).setAttribute(ATTRIBUTE, owner);
            return owner;
        });
    }
}
