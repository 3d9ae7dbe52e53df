package com.gemmavision.advisor.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.AdvisorPage;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.web.http.Htmx;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageModel;
import com.gemmavision.web.page.PdfReports;
import com.gemmavision.web.page.RenderedFragments;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The deployment advisor page, sharing the main page's sidebar and URL contract, plus its own settings. */
@Controller
class AdvisorController {

    static final String RESULTS_FRAGMENT = "fragments/redraws :: advisor";

    /** The results for a browser's redraw, with the engine's KV choices swapped into the form out of band. */
    static final String HTMX_FRAGMENT = "fragments/redraws :: advisor-htmx";

    private final CurrentSelection currentSelection;
    private final AdvisorParameters parameters;
    private final AdvisorPage advisorPage;
    private final PageModel pageModel;
    private final GpuPresets gpus;
    private final RenderedFragments fragments;
    private final PdfReports reports;

    AdvisorController(
            CurrentSelection currentSelection,
            AdvisorParameters parameters,
            AdvisorPage advisorPage,
            PageModel pageModel,
            GpuPresets gpus,
            RenderedFragments fragments,
            PdfReports reports) {
        this.currentSelection = currentSelection;
        this.parameters = parameters;
        this.advisorPage = advisorPage;
        this.pageModel = pageModel;
        this.gpus = gpus;
        this.fragments = fragments;
        this.reports = reports;
    }

    /** Back and Forward: a history restore gets the whole page, as on the main page. */
    @GetMapping(
            value = "/advisor",
            headers = {Htmx.IS_REQUEST, Htmx.IS_HISTORY_RESTORE})
    String restoredPage(
            @ModelAttribute AdvisorForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return page(form, result, request, response, model);
    }

    @GetMapping("/advisor")
    String page(
            @ModelAttribute AdvisorForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Request read = read(form, result, request, response);
        populate(model, read);
        pageModel.addUserSections(Page.ADVISOR, model, read.selection().selection(), request);
        return Page.ADVISOR.template();
    }

    /** The HTMX twin: the results as text, cached per canonical query when nothing in it was ignored. */
    @GetMapping(value = "/advisor", headers = Htmx.IS_REQUEST)
    ResponseEntity<byte[]> results(
            @ModelAttribute AdvisorForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        Request read = read(form, result, request, response);
        return fragments.htmx(
                HTMX_FRAGMENT,
                "/advisor",
                read.query(),
                read.notices().isEmpty(),
                model -> populate(model, read),
                request,
                response);
    }

    /** The advice as a PDF for a decision memo: the same results, with the link that opens them again. */
    @GetMapping("/advisor/report.pdf")
    ResponseEntity<byte[]> report(
            @ModelAttribute AdvisorForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        Request read = read(form, result, currentSelection.resolve(request));
        return reports.fragment(
                "gemma3-deployment-advice.pdf",
                new PdfReports.Heading(
                        "Deployment advice: " + title(read.advisor().request()) + " · "
                                + read.advisor().request().engine().label(),
                        memoSubtitle(read.advisor().request()),
                        ServletUriComponentsBuilder.fromContextPath(request)
                                .path("/advisor")
                                .query(read.query())
                                .build()
                                .toUriString()),
                RESULTS_FRAGMENT,
                model -> populate(model, read),
                request,
                response);
    }

    /** A request's sidebar selection and advisor settings, with the canonical query of both. */
    private record Request(
            SelectionResolver.Resolved selection,
            AdvisorParameters.Parsed advisor,
            String query,
            List<String> notices) {}

    private Request read(
            AdvisorForm form, BindingResult result, HttpServletRequest request, HttpServletResponse response) {
        return read(form, result, currentSelection.resolveAndRemember(request, response));
    }

    private Request read(AdvisorForm form, BindingResult result, SelectionResolver.Resolved resolved) {
        AdvisorParameters.Parsed parsed = parameters.parse(form, result);
        List<String> notices = new ArrayList<>(resolved.notices());
        notices.addAll(parsed.messages());
        return new Request(
                resolved,
                parsed,
                resolved.selection().toQueryString() + "&" + advisorQuery(parsed.request()),
                List.copyOf(notices));
    }

    private void populate(Model model, Request request) {
        Selection selection = request.selection().selection();
        pageModel.populateSidebar(model, request.selection());
        model.addAttribute("notices", request.notices());
        model.addAttribute(
                "advisor", advisorPage.view(request.advisor().request(), selection.models(), selection.quants()));
        model.addAttribute("adviceRequest", request.advisor().request());
        model.addAttribute("gpuPresets", gpus.all());
        model.addAttribute("kvDtypes", KvDtype.values());
        model.addAttribute("engines", Engine.values());
        model.addAttribute("rankings", QualityBenchmark.values());
        model.addAttribute("advisorQuery", request.query());
        model.addAttribute("stateParameters", SelectionResolver.entries(request.query()));
        model.addAttribute("limits", parameters.limits());
        model.addAttribute("advisorTitle", title(request.advisor().request()));
        model.addAttribute("formAction", "/advisor");
        model.addAttribute("formTarget", "#advisor-results");
    }

    /** What the advisor view is for, in its page title: "NVIDIA L4 · 32,768 tokens × 1". */
    /** What else the advice assumed, for the memo's subtitle: the cache, the ranking and the weights. */
    static String memoSubtitle(AdviceRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add("KV cache " + request.kvDtype().code());
        parts.add("ranked by " + request.rankBy().label());
        if (request.weights().textOnly()) {
            parts.add("text only");
        } else if (request.weights().visionAndEmbeddingsInBf16()) {
            parts.add("vision encoder and embeddings in bf16");
        } else if (request.weights().visionQuantized()) {
            parts.add("vision encoder quantized");
        }
        parts.add(String.format(
                Locale.ROOT, "%.1f GiB overhead, %d%% headroom", request.overheadGib(), request.headroomPercent()));
        return String.join(" · ", parts);
    }

    static String title(AdviceRequest request) {
        String memory = request.gpu() != null
                ? request.gpu().gpu()
                : String.format(Locale.ROOT, "%,.1f GiB custom", request.memoryGib());
        return String.format(
                Locale.ROOT,
                "%s%s · %,d tokens × %,d",
                request.gpus() > 1 ? request.gpus() + " × " : "",
                memory,
                request.context(),
                request.batch());
    }

    /**
     * The advisor's canonical query: the inputs the API reports ({@link ApiJson.AdviceInputs}), component by
     * component, so a new input is named once; a preset GPU stands for its memory, and derived figures stay out.
     */
    static String advisorQuery(AdviceRequest request) {
        ApiJson.AdviceInputs inputs = ApiJson.AdviceInputs.of(request);
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        for (RecordComponent component : ApiJson.AdviceInputs.class.getRecordComponents()) {
            String name = component.getName();
            if (ApiJson.AdviceInputs.DERIVED.contains(name) || (name.equals("memoryGiB") && inputs.gpu() != null)) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(inputs);
                if (value != null) {
                    uri.queryParam(name, value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessors are public", e);
            }
        }
        return uri.encode().build().getQuery();
    }
}
