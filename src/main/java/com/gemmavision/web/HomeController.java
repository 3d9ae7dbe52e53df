package com.gemmavision.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The main page. Without JavaScript the sidebar form submits here and gets the whole page; HTMX sends the
 * same request with {@code HX-Request} and gets only the analysis sections, plus the canonical URL to push.
 */
@Controller
class HomeController {

    static final String PAGE = "index";
    static final String ANALYSIS_FRAGMENT = "index :: analysis";

    private final CurrentSelection currentSelection;
    private final PageModel pageModel;

    HomeController(CurrentSelection currentSelection, PageModel pageModel) {
        this.currentSelection = currentSelection;
        this.pageModel = pageModel;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, HttpServletResponse response, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        boolean fragment = "true".equals(htmx);
        Optional<String> stored = currentSelection.stored(request);
        if (!fragment && stored.isPresent() && !SelectionResolver.hasSelectionParameters(request.getParameterMap())) {
            // A plain visit restores the last selection, into the address bar too, so it can be bookmarked.
            return "redirect:/?" + stored.get();
        }
        SelectionResolver.Resolved resolved = currentSelection.resolveAndRemember(request);
        pageModel.populate(model, resolved);
        if (fragment) {
            response.setHeader("HX-Push-Url", "/?" + resolved.selection().toQueryString());
            return ANALYSIS_FRAGMENT;
        }
        return PAGE;
    }
}
