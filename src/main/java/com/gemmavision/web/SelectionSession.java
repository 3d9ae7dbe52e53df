package com.gemmavision.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
 */
@Component
public class SelectionSession {

    static final String ATTRIBUTE = "gemmavision.selection";
    static final String HINT = "gv-selection";

    private final Checkpoint checkpoint;
    private final Function<HttpServletRequest, List<String>> sessionIds;
    private final Duration cookieLifetime;

    /** Spring Session's cookie reader where it runs; without it (a test slice) the container's sessions. */
    public SelectionSession(
            Checkpoint checkpoint,
            ObjectProvider<CookieSerializer> sessionCookies,
            @Value("${server.servlet.session.cookie.max-age:-1s}") Duration cookieLifetime) {
        this.checkpoint = checkpoint;
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
        return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
    }

    /**
     * Stores the selection; the session (and its row) is written only when the selection changed, at once (the
     * session repository flushes immediately) and to disk before the answer goes out. A new session
     * is started only for a client that keeps cookies (it sent one back, the CSRF cookie every page sets, say):
     * a crawler, a probe or a load tester following links without cookies would otherwise leave a session row
     * behind per request, each kept for 30 days, for a selection it can never come back to.
     */
    public void store(HttpServletRequest request, HttpServletResponse response, Selection selection) {
        String query = selection.toQueryString();
        if (query.equals(storedQuery(request).orElse(null))) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null && !keepsCookies(request)) {
            return;
        }
        session = session == null ? request.getSession(true) : session;
        session.setAttribute(ATTRIBUTE, query);
        checkpoint.now();
        ResponseCookie hint = ResponseCookie.from(
                        HINT,
                        tag(session.getId(), query) + "."
                                + Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(query.getBytes(StandardCharsets.UTF_8)))
                .path("/")
                .maxAge(cookieLifetime) // as long as the session cookie it goes with
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, hint.toString());
    }

    /** The copy of the stored selection the browser sent, when it belongs to the session it sent too. */
    private Optional<String> copy(HttpServletRequest request) {
        // the session id as the session cookie carries it, read without loading the session
        List<String> sessionIds = this.sessionIds.apply(request);
        Cookie[] cookies = request.getCookies();
        if (sessionIds.size() != 1 || cookies == null) {
            return Optional.empty();
        }
        String sessionId = sessionIds.get(0);
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
