package com.gemmavision.web.session;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * Who owns documents: a random token kept in the user's session. Documents reference the token, not the
 * session id, so they stay reachable from that session only, whatever the session store does with ids.
 */
@Component
public class DocumentOwner {

    public static final String ATTRIBUTE = "gemmavision.documentOwner";

    public Optional<String> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
    }

    public String currentOrNew(HttpServletRequest request) {
        return current(request).orElseGet(() -> {
            String owner = UUID.randomUUID().toString();
            request.getSession(true).setAttribute(ATTRIBUTE, owner);
            return owner;
        });
    }
}
