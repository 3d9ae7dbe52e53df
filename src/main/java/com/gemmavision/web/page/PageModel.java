package com.gemmavision.web.page;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model a shared page renders: the selection and its notices, each feature's {@link SidebarSection}
 * (the sidebar's options), then each feature's {@link PageSection} and, for whole pages, each {@link UserSection}.
 */
@Component
public class PageModel {

    private final List<SidebarSection> sidebar;
    private final List<PageSection> sections;
    private final List<UserSection> userSections;

    PageModel(List<SidebarSection> sidebar, List<PageSection> sections, List<UserSection> userSections) {
        this.sidebar = List.copyOf(sidebar);
        this.sections = List.copyOf(sections);
        this.userSections = List.copyOf(userSections);
    }

    /** The page's sidebar and every section that depends on the selection alone (what its fragment caches). */
    public void populate(Page page, Model model, SelectionResolver.Resolved resolved) {
        populateSidebar(model, resolved);
        if (page == Page.HOME) {
            model.addAttribute("formAction", "/");
            model.addAttribute("formTarget", "#analysis");
            model.addAttribute("documentsInline", false);
        }
        for (PageSection section : sections) {
            section.addTo(page, model, resolved.selection());
        }
    }

    /** A whole page: {@link #populate} plus the sections that show the user's own data. */
    public void populateForUser(
            Page page, Model model, SelectionResolver.Resolved resolved, HttpServletRequest request) {
        populate(page, model, resolved);
        addUserSections(page, model, resolved.selection(), request);
    }

    /** The user's own sections only (a page whose feature fills the rest itself). */
    public void addUserSections(Page page, Model model, Selection selection, HttpServletRequest request) {
        for (UserSection section : userSections) {
            section.addTo(page, model, selection, request);
        }
    }

    /** What the shared sidebar and layout need, on any page. */
    public void populateSidebar(Model model, SelectionResolver.Resolved resolved) {
        Selection selection = resolved.selection();
        model.addAttribute("selection", selection);
        model.addAttribute("query", selection.toQueryString());
        model.addAttribute("stateParameters", SelectionResolver.entries(selection.toQueryString()));
        model.addAttribute("notices", resolved.notices());
        for (SidebarSection section : sidebar) {
            section.addTo(model, selection);
        }
    }
}
