package com.gemmavision.web.selection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.database.ServerKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.stereotype.Component;

/**
 * Keeps the user's last selection in the JDBC-backed session, as its canonical query string: plain text
 * survives releases that change the Selection record, where a serialized object would not.
 *
 * <p>Every redraw needs the stored selection (absent parameters keep their stored values) and asks whether it
 * changed. Reading the session for that costs a database read and a last-access write per request, so a copy
 * of what the session holds travels in a cookie ({@value #HINT}), tied to the session id: while the browser
 * sends the same session cookie and the copy's tag matches, the copy is used and the session is not touched.
 * The copy is the user's own selection (what their URL says anyway) and is checked like any URL; a forged one
 * changes nothing but that user's own view.
 *
 * <p>A session (a row kept 30 days) starts only for a client that shows it comes back: a first change of
 * selection from a client without a session is kept in the cookie alone (tied to no session); the session starts
 * when the client returns that cookie with its next change, or with a form POST. A client that keeps the CSRF
 * cookie but drops every other (a load tester, a scripted probe) leaves no row however many selections it asks
 * for, and no client address starts more than {@code new-sessions-per-client-per-minute}.
 */
@Component
public class SelectionSession {

    static final String ATTRIBUTE = "gemmavision.selection";
    public static final String HINT = "gv-selection";

    /** What a copy of the selection is tied to while the client has no session. */
    private static final String NO_SESSION = "";

    private final Checkpoint checkpoint;
    private final Function<HttpServletRequest, List<String>> sessionIds;
    private final Duration cookieLifetime;
    private final SessionStarts sessionStarts;
    private final ServerKeys keys;

    /** The longest query a cookie may carry (a whole selection is far shorter). */
    static final int MAX_QUERY = 4000;

    /** The name of the server key that signs the cookie. */
    static final String COOKIE_KEY = "selection-cookie";

    /** Spring Session's cookie reader where it runs; without it (a test slice) the container's sessions. */
    public SelectionSession(
            Checkpoint checkpoint,
            ObjectProvider<CookieSerializer> sessionCookies,
            @Value("${server.servlet.session.cookie.max-age:-1s}") Duration cookieLifetime,
            SessionStarts sessionStarts,
            ServerKeys keys) {
        this.keys = keys;
        this.checkpoint = checkpoint;
        this.sessionStarts = sessionStarts;
        this.cookieLifetime = cookieLifetime;
        CookieSerializer serializer = sessionCookies.getIfAvailable();
        this.sessionIds = serializer != null
                ? serializer::readCookieValues
                : request ->
                        request.getRequestedSessionId() == null ? List.of() : List.of(request.getRequestedSessionId());
    }

    public Optional<String> storedQuery(HttpServletRequest request) {
        Optional<String> copy = copy(request);
        if (copy.isPresent()) {
            return copy;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Optional<String> stored = Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
        // a selection kept in the cookie alone before the session started (with an upload, say)
        return stored.isPresent() ? stored : copy(request, NO_SESSION);
    }

    /**
     * Stores the selection; the session (and its row) is written only when the selection changed, at once (the
     * session repository flushes immediately) and to disk before the answer goes out. Without a session, the
     * change is kept in the cookie alone unless the client has shown it comes back (see the class comment); a
     * client sending no cookie at all (a crawler following links) is given none.
     */
    public void store(HttpServletRequest request, HttpServletResponse response, Selection selection) {
        String query = selection.toQueryString();
        if (query.equals(storedQuery(request).orElse(null))) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            if (!keepsCookies(request)) {
                return;
            }
            boolean comesBack = copy(request).isPresent() || "POST".equals(request.getMethod());
            if (!comesBack || !sessionStarts.start(request.getRemoteAddr())) {
                response.addHeader(HttpHeaders.SET_COOKIE, hint(request, NO_SESSION, query));
                return;
            }
            session = request.getSession(true);
        }
        session.setAttribute(ATTRIBUTE, query);
        checkpoint.now();
        response.addHeader(HttpHeaders.SET_COOKIE, hint(request, session.getId(), query));
    }

    private String hint(HttpServletRequest request, String sessionId, String query) {
        return ResponseCookie.from(
                        HINT,
                        tag(sessionId, query) + "."
                                + Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(query.getBytes(StandardCharsets.UTF_8)))
                .path("/")
                .maxAge(cookieLifetime) // as long as the session cookie it goes with
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .build()
                .toString();
    }

    /** The copy of the stored selection the browser sent, when it belongs to the session it sent too. */
    private Optional<String> copy(HttpServletRequest request) {
        // the session id as the session cookie carries it, read without loading the session
        List<String> sessionIds = this.sessionIds.apply(request);
        if (sessionIds.size() > 1) {
            return Optional.empty();
        }
        return copy(request, sessionIds.isEmpty() ? NO_SESSION : sessionIds.get(0));
    }

    /** The copy of the selection the browser sent, when its tag ties it to this session id. */
    private Optional<String> copy(HttpServletRequest request, String sessionId) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (HINT.equals(cookie.getName())) {
                String value = cookie.getValue();
                int dot = value.indexOf('.');
                if (dot <= 0) {
                    return Optional.empty();
                }
                try {
                    String query =
                            new String(Base64.getUrlDecoder().decode(value.substring(dot + 1)), StandardCharsets.UTF_8);
                    return query.length() <= MAX_QUERY
                                    && MessageDigest.isEqual(
                                            value.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                                            tag(sessionId, query).getBytes(StandardCharsets.US_ASCII))
                            ? Optional.of(query)
                            : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The cookie's tag: an HMAC of the session id and the query under a key only the server has (made at its first
     * start and kept in the database), so a cookie the server did not write, or one edited, is ignored.
     */
    private String tag(String sessionId, String query) {
        return keys.sign(COOKIE_KEY, sessionId + "\u0000" + query, 32);
    }

    private static boolean keepsCookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && cookies.length > 0;
    }
}
