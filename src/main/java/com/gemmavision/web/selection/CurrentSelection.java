package com.gemmavision.web.selection;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The selection a request stands for: its parameters, else the user's stored selection, else the defaults. */
@Component
public class CurrentSelection {

    private final SelectionResolver resolver;
    private final SelectionSession session;

    CurrentSelection(SelectionResolver resolver, SelectionSession session) {
        this.resolver = resolver;
        this.session = session;
    }

    public Optional<String> stored(HttpServletRequest request) {
        return session.storedQuery(request);
    }

    /** Resolves the selection and, when the request carried one, remembers it in the session. */
    public SelectionResolver.Resolved resolveAndRemember(HttpServletRequest request, HttpServletResponse response) {
        SelectionResolver.Resolved resolved = resolve(request);
        if (SelectionResolver.hasSelectionParameters(request.getParameterMap())) {
            session.store(request, response, resolved.selection());
        }
        return resolved;
    }

    public SelectionResolver.Resolved resolve(HttpServletRequest request) {
        Selection fallback = stored(request)
                .map(query -> resolver.resolveQuery(query).selection())
                .orElseGet(resolver::defaults);
        return resolver.resolve(request.getParameterMap(), fallback);
    }
}
