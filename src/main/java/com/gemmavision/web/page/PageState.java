package com.gemmavision.web.page;

import java.util.List;
import java.util.Map;

/**
 * A page's bookmarkable state, read from request parameters through the same checks as the page itself: what a
 * saved view stores (its canonical query) and lists (what it selects). Each page's feature implements it.
 */
public interface PageState {

    Page page();

    Described describe(Map<String, String[]> parameters);

    /** The canonical query (without "?"), what it selects in words, and what was ignored on the way. */
    record Described(String query, String description, List<String> notices) {}
}
