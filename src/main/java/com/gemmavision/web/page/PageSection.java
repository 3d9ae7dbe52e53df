package com.gemmavision.web.page;

import com.gemmavision.web.selection.Selection;

import org.springframework.ui.Model;

/**
 * A feature's section of a shared page, for a selection alone: the layout asks every feature for its part, so
 * the web package knows no feature's views. What depends on the selection only may be cached with the page's
 * fragment; a section showing the user's own data is a {@link UserSection}.
 */
public interface PageSection {

    void addTo(Page page, Model model, Selection selection);
}
