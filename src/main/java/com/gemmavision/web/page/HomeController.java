package com.gemmavision.web.page;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.web.http.Htmx;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The main page. Without JavaScript the sidebar form submits here and gets the whole page; HTMX sends the
 * same request with {@code HX-Request} and gets only the analysis sections, plus the canonical URL to push.
 */
@Controller
public class HomeController {

    static final String ANALYSIS_FRAGMENT = "fragments/redraws :: analysis";

    private final CurrentSelection currentSelection;
    private final PageModel pageModel;
    private final RenderedFragments fragments;

    private final PdfReports reports;

    HomeController(
            CurrentSelection currentSelection, PageModel pageModel, RenderedFragments fragments, PdfReports reports) {
        this.currentSelection = currentSelection;
        this.pageModel = pageModel;
        this.fragments = fragments;
        this.reports = reports;
    }

    /**
     * Back and Forward: with no page in its history cache, htmx asks for the URL again marked as a history
     * restore and swaps the answer in for the whole body, so it gets the whole page (header and sidebar too).
     */
    @GetMapping(
            value = "/",
            headers = {Htmx.IS_REQUEST, Htmx.IS_HISTORY_RESTORE})
    String restoredPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model);
    }

    @GetMapping("/")
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> stored = currentSelection.stored(request);
        if (stored.isPresent()
                && restorable(stored.get())
                && !SelectionResolver.hasSelectionParameters(request.getParameterMap())) {
            // A plain visit restores the last selection, into the address bar too, so it can be bookmarked.
            return "redirect:/?" + stored.get();
        }
        SelectionResolver.Resolved resolved = currentSelection.resolveAndRemember(request, response);
        pageModel.populateForUser(Page.HOME, model, resolved, request);
        return Page.HOME.template();
    }

    /**
     * Whether a stored selection is one to redirect to: a plain query string (no line breaks, no slashes that could
     * make the address another site's) that selects something, so the redirect lands on a page that does not
     * redirect again.
     */
    static boolean restorable(String query) {
        if (query.isEmpty() || query.length() > 4000 || !query.matches("[A-Za-z0-9._~%&=+\\-]*")) {
            return false;
        }
        Map<String, String[]> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(equals < 0 ? pair : pair.substring(0, equals), new String[] {""});
        }
        return SelectionResolver.hasSelectionParameters(parameters);
    }

    /**
     * The HTMX twin: the same sections as text, cached per selection when nothing in the request was ignored.
     * The user's own documents are not in the cached text: their section loads itself in a second request.
     */
    @GetMapping(value = "/", headers = Htmx.IS_REQUEST)
    ResponseEntity<byte[]> analysis(HttpServletRequest request, HttpServletResponse response) throws Exception {
        SelectionResolver.Resolved resolved = currentSelection.resolveAndRemember(request, response);
        return fragments.htmx(
                ANALYSIS_FRAGMENT,
                "/",
                resolved.selection().toQueryString(),
                resolved.notices().isEmpty(),
                model -> pageModel.populate(Page.HOME, model, resolved),
                request,
                response);
    }

    /** The same sections as a PDF for a decision memo, with the link that opens this view. */
    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> report(HttpServletRequest request, HttpServletResponse response) throws Exception {
        SelectionResolver.Resolved resolved = currentSelection.resolve(request);
        String query = resolved.selection().toQueryString();
        return reports.fragment(
                "gemma3-overview.pdf",
                new PdfReports.Heading(
                        "Gemma 3 models, quantization and benchmarks",
                        resolved.selection().title(),
                        ServletUriComponentsBuilder.fromContextPath(request)
                                .path("/")
                                .query(query)
                                .build()
                                .toUriString()),
                ANALYSIS_FRAGMENT,
                model -> pageModel.populate(Page.HOME, model, resolved),
                request,
                response);
    }
}
