package com.gemmavision.web.http;

import jakarta.servlet.ServletRequest;

/**
 * Why the server itself stopped reading a request (an upload body that arrived too slowly, say), left on the
 * request by whoever stopped it, so the container's error page says so with the fitting status instead of a
 * bare 400.
 */
public record ContainerRefusal(int status, String message) {

    static final String ATTRIBUTE = ContainerRefusal.class.getName();

    public void putOn(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static ContainerRefusal on(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ContainerRefusal refusal ? refusal : null;
    }
}
