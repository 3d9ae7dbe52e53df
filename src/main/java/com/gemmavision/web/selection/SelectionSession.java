package com.gemmavision.web.selection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.database.Checkpoint;

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
    private final int newSessionsPerMinute;
    private final Map<String, long[]> newSessions = new ConcurrentHashMap<>();

    /** Spring Session's cookie reader where it runs; without it (a test slice) the container's sessions. */
    public SelectionSession(
            Checkpoint checkpoint,
            ObjectProvider<CookieSerializer> sessionCookies,
            @Value("${server.servlet.session.cookie.max-age:-1s}") Duration cookieLifetime,
            SelectionProperties properties) {
        this.checkpoint = checkpoint;
        this.newSessionsPerMinute = properties.newSessionsPerClientPerMinute();
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
            if (!comesBack || !mayStartSession(request.getRemoteAddr())) {
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

    /** Counts a new session against its client address's budget for the current minute. */
    private boolean mayStartSession(String client) {
        long minute = System.currentTimeMillis() / 60_000;
        if (newSessions.size() > 10_000) {
            newSessions.values().removeIf(window -> window[0] != minute);
        }
        long[] window = newSessions.compute(client, (address, old) -> {
            long[] now = old == null || old[0] != minute ? new long[] {minute, 0} : old;
            now[1]++;
            return now;
        });
        return window[1] <= newSessionsPerMinute;
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
    private static Optional<String> copy(HttpServletRequest request, String sessionId) {
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
                    return value.substring(0, dot).equals(tag(sessionId, query))
                            ? Optional.of(query)
                            : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String tag(String sessionId, String query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sessionId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(query.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean keepsCookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && cookies.length > 0;
    }
}
