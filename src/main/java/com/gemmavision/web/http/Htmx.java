package com.gemmavision.web.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The htmx request and response headers the app reads and sets, named once. A request mapping can only take a
 * compile-time constant, hence strings rather than an enum. htmx-spring-boot was considered: its auto-configuration
 * replaces the request mapping handler and adds an interceptor and an exception resolver to every request, for what
 * here is one header read and one header set.
 */
public final class Htmx {

    /** Sent by htmx on every request it makes. */
    public static final String REQUEST = "HX-Request";

    /** Sent when htmx restores a page from history and needs the whole page, not a fragment. */
    public static final String HISTORY_RESTORE_REQUEST = "HX-History-Restore-Request";

    /** A request mapping's condition: made by htmx. */
    public static final String IS_REQUEST = REQUEST + "=true";

    /** A request mapping's condition: htmx restoring history. */
    public static final String IS_HISTORY_RESTORE = HISTORY_RESTORE_REQUEST + "=true";

    /** The URL htmx pushes into the browser's history after a swap. */
    public static final String PUSH_URL = "HX-Push-Url";

    private Htmx() {}

    /** Whether htmx made the request (it sends {@code HX-Request: true}). */
    public static boolean isRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST));
    }

    /** Whether the value of an {@code HX-Request} header bound by a controller says htmx made the request. */
    public static boolean isRequest(String headerValue) {
        return "true".equals(headerValue);
    }
}
