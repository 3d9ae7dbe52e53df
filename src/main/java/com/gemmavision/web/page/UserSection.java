package com.gemmavision.web.page;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.web.selection.Selection;

import org.springframework.ui.Model;

/**
 * A feature's part of a shared page that depends on who asks (their documents, say): filled for whole pages,
 * never in a cached fragment.
 */
public interface UserSection {

    void addTo(Page page, Model model, Selection selection, HttpServletRequest request);
}
