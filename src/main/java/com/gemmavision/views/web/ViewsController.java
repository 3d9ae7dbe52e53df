package com.gemmavision.views.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.views.SavedView;
import com.gemmavision.views.TeamViews;
import com.gemmavision.views.ViewRefused;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.http.ErrorPages;
import com.gemmavision.web.http.Htmx;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageState;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Team views: {@code POST /views} names the posted selection (main page or advisor) and answers with its short
 * link; {@code /v/{slug}} opens it for anyone on the server; {@code /views} lists, renames and deletes them.
 */
@Controller
class ViewsController {

    static final String SAVED_VIEW = "savedView";

    /** The header (or form field) that carries the admin token. */
    static final String ADMIN_HEADER = "X-Admin-Token";

    private final TeamViews views;
    private final CurrentSelection currentSelection;
    private final DocumentOwner owner;
    private final Map<Page, PageState> states;

    ViewsController(TeamViews views, CurrentSelection currentSelection, DocumentOwner owner, List<PageState> states) {
        this.views = views;
        this.currentSelection = currentSelection;
        this.owner = owner;
        this.states = states.stream().collect(Collectors.toUnmodifiableMap(PageState::page, Function.identity()));
    }

    /** What {@code POST /views} answers a script that accepts JSON. */
    record Saved(String slug, String url, String name) {}

    record Refusal(String error, String field) {}

    @GetMapping("/views")
    String list(HttpServletRequest request, ModelMap model) {
        populate(request, model);
        return "views";
    }

    /** The admin token a request carries, in its header or (from a form) its field. */
    private static String adminToken(HttpServletRequest request) {
        String header = request.getHeader(ADMIN_HEADER);
        return header != null ? header : request.getParameter("adminToken");
    }

    @PostMapping("/views")
    Object save(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String author,
            @RequestParam(defaultValue = "home") String page,
            HttpServletRequest request,
            ModelMap model) {
        PageState state = states.get(Page.ofCode(page).orElse(Page.HOME));
        PageState.Described described = state.describe(request.getParameterMap());
        SavedView view = views.save(
                new TeamViews.Label(name, note, author),
                state.page().code(),
                described.query(),
                described.description(),
                new TeamViews.Saver(
                        owner.current(request).orElse(null),
                        () -> owner.currentOrNew(request),
                        request.getRemoteAddr()));
        String url = ServletUriComponentsBuilder.fromContextPath(request)
                .path(view.path())
                .build()
                .toUriString();
        if (ErrorPages.wantsJson(request)) {
            return ResponseEntity.created(URI.create(url))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Saved(view.slug(), url, view.name()));
        }
        if (Htmx.isRequest(request)) {
            model.addAttribute("saved", view);
            model.addAttribute("savedUrl", url);
            model.addAttribute("savedNotices", described.notices());
            return "views :: saved";
        }
        return "redirect:" + view.path();
    }

    /** The short link: the saved page, rendered for the stored query, under the view's own name. */
    @GetMapping("/v/{slug}")
    String open(@PathVariable String slug, HttpServletRequest request) {
        SavedView view = views.open(slug);
        request.setAttribute(SAVED_VIEW, view);
        Page page = Page.ofCode(view.page()).orElse(Page.HOME);
        return "forward:" + page.path() + "?" + view.query();
    }

    @PostMapping("/views/{slug}")
    String rename(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request) {
        views.rename(slug, name, note, owner.current(request).orElse(null), adminToken(request));
        return "redirect:/views#view-" + slug;
    }

    @PostMapping("/views/{slug}/delete")
    Object delete(@PathVariable String slug, HttpServletRequest request) {
        views.delete(slug, owner.current(request).orElse(null), adminToken(request));
        if (Htmx.isRequest(request)) {
            // the row is swapped for nothing
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("");
        }
        return "redirect:/views";
    }

    @GetMapping("/views.csv")
    @ResponseBody
    ResponseEntity<String> csv() {
        List<List<String>> rows = views.list().stream()
                .map(v -> List.of(
                        v.slug(),
                        v.name(),
                        v.note(),
                        v.author(),
                        v.page(),
                        v.description(),
                        v.path(),
                        v.createdAt().toString(),
                        v.updatedAt().toString()))
                .toList();
        return Downloads.csv(
                "gemmavision-team-views.csv",
                List.of("slug", "name", "note", "author", "page", "selects", "link", "created", "updated"),
                rows);
    }

    /** A refused save, rename or delete: its message in the page (or JSON), with a status that fits. */
    @ExceptionHandler(ViewRefused.class)
    Object refused(ViewRefused refused, HttpServletRequest request) {
        HttpStatus status = switch (refused.reason()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FULL -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_YOURS -> HttpStatus.FORBIDDEN;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        if (ErrorPages.wantsJson(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Refusal(refused.getMessage(), refused.field()));
        }
        boolean saving = "POST".equals(request.getMethod()) && "/views".equals(request.getServletPath());
        if (saving && Htmx.isRequest(request)) {
            ModelAndView fragment = new ModelAndView("views :: saved", status);
            fragment.addObject("viewError", refused.getMessage());
            fragment.addObject("viewErrorField", refused.field());
            return fragment;
        }
        ModelAndView page = new ModelAndView("views", status);
        populate(request, page.getModelMap());
        page.addObject("viewError", refused.getMessage());
        page.addObject("viewErrorField", refused.field());
        if (saving) {
            // Without JavaScript the refused form comes back filled in, with the selection it carried.
            page.addObject("retry", Retry.of(request.getParameterMap()));
        }
        return page;
    }

    /** A refused save's input, to fill the form again: what the user typed and the selection's parameters. */
    record Retry(String name, String note, String author, List<Map.Entry<String, String>> selection) {
        private static final Set<String> OWN = Set.of("name", "note", "author", "_csrf");

        static Retry of(Map<String, String[]> parameters) {
            List<Map.Entry<String, String>> selection = new ArrayList<>();
            parameters.forEach((name, values) -> {
                if (!OWN.contains(name)) {
                    for (String value : values) {
                        selection.add(Map.entry(name, value));
                    }
                }
            });
            return new Retry(
                    first(parameters, "name"), first(parameters, "note"), first(parameters, "author"), selection);
        }

        private static String first(Map<String, String[]> parameters, String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? "" : values[0];
        }
    }

    private void populate(HttpServletRequest request, ModelMap model) {
        int number = 1;
        try {
            String asked = request.getParameter("page");
            number = asked == null ? 1 : Integer.parseInt(asked.strip());
        } catch (NumberFormatException notANumber) {
            // the first page
        }
        TeamViews.Page page = views.page(number);
        String me = owner.current(request).orElse(null);
        String admin = adminToken(request);
        model.addAttribute("views", page.views());
        model.addAttribute("viewsPage", page);
        model.addAttribute(
                "changeable",
                page.views().stream()
                        .filter(v -> views.mayChange(v, me, admin))
                        .map(SavedView::slug)
                        .collect(Collectors.toSet()));
        model.addAttribute(
                "query", currentSelection.resolve(request).selection().toQueryString());
        model.addAttribute("notices", List.of());
    }
}
