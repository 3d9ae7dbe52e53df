package com.gemmavision.workload.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.web.AdvisorForm;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.pricing.PriceCurrencies;
import com.gemmavision.web.http.ApiProblems;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.InputProblem;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.workload.Workload;
import com.gemmavision.workload.Workloads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Documents per hour and cost per 1,000 documents: the page (a form that works without JavaScript, its results
 * swapped in by htmx), the JSON API for scripts and the results as CSV.
 */
@Controller
class WorkloadController {

    private final WorkloadInputs inputs;
    private final Workloads workloads;
    private final GpuPresets gpus;
    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final Documents documents;
    private final DocumentOwner owner;
    private final CurrentSelection currentSelection;

    WorkloadController(
            WorkloadInputs inputs,
            Workloads workloads,
            GpuPresets gpus,
            Catalog catalog,
            QuantizationFormats formats,
            Documents documents,
            DocumentOwner owner,
            CurrentSelection currentSelection) {
        this.currentSelection = currentSelection;
        this.inputs = inputs;
        this.workloads = workloads;
        this.gpus = gpus;
        this.catalog = catalog;
        this.formats = formats;
        this.documents = documents;
        this.owner = owner;
    }

    @GetMapping("/api/workload")
    @ResponseBody
    ResponseEntity<?> api(
            @ModelAttribute WorkloadForm form,
            BindingResult formResult,
            @ModelAttribute AdvisorForm deployment,
            BindingResult deploymentResult,
            HttpServletRequest http) {
        WorkloadInputs.Read read = inputs.read(form, formResult, deployment, deploymentResult, http, true);
        if (!read.problems().isEmpty()) {
            InputProblem first = read.problems().get(0);
            return ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    first.message(),
                    Map.of("parameter", first.parameter(), "errors", List.copyOf(read.problems())));
        }
        return ResponseEntity.ok(WorkloadJson.of(workloads.compute(read.request()), read.documentId()));
    }

    @GetMapping("/workload")
    String page(
            @ModelAttribute WorkloadForm form,
            BindingResult formResult,
            @ModelAttribute AdvisorForm deployment,
            BindingResult deploymentResult,
            HttpServletRequest http,
            HttpServletResponse response,
            Model model) {
        populate(inputs.read(form, formResult, deployment, deploymentResult, http, false), form, http, response, model);
        return "workload";
    }

    @GetMapping("/tables/workload.csv")
    ResponseEntity<String> csv(
            @ModelAttribute WorkloadForm form,
            BindingResult formResult,
            @ModelAttribute AdvisorForm deployment,
            BindingResult deploymentResult,
            HttpServletRequest http) {
        WorkloadInputs.Read read = inputs.read(form, formResult, deployment, deploymentResult, http, false);
        Workload w = workloads.compute(read.request());
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("tokens_per_document", (double) w.request().tokensPerDocument(), null));
        rows.add(row("batch", (double) w.batch(), null));
        rows.add(row("prefill_seconds_per_document_lower_bound", w.prefillSecondsPerDocument(), null));
        rows.add(row("decode_tokens_per_second_per_sequence", w.decodeBound(), w.decodeTypical()));
        rows.add(row("documents_per_hour", w.documentsPerHour(), w.documentsPerHourTypical()));
        rows.add(row("cost_per_1000_documents", w.costPer1000(), w.costPer1000Typical()));
        return Downloads.csv("gemma3-workload.csv", List.of("figure", "bound", "typical_low", "typical_high"), rows);
    }

    @GetMapping("/tables/workload-calibration.csv")
    ResponseEntity<String> calibration(
            @ModelAttribute WorkloadForm form,
            BindingResult formResult,
            @ModelAttribute AdvisorForm deployment,
            BindingResult deploymentResult,
            HttpServletRequest http) {
        Workload w = workloads.compute(inputs.read(form, formResult, deployment, deploymentResult, http, false)
                .request());
        List<List<String>> rows = w.calibration().stream()
                .map(c -> List.of(
                        c.measurement().gpu(),
                        c.measurement().engine(),
                        c.measurement().model(),
                        c.measurement().quant(),
                        Integer.toString(c.measurement().batch()),
                        Double.toString(c.measurement().decodeTokensPerSecond()),
                        String.format(Locale.ROOT, "%.2f", c.boundTokensPerSecond()),
                        String.format(Locale.ROOT, "%.4f", c.efficiency()),
                        c.measurement().source()))
                .toList();
        return Downloads.csv(
                "gemma3-workload-calibration.csv",
                List.of(
                        "gpu",
                        "engine",
                        "model",
                        "quant",
                        "batch",
                        "measured_tokens_per_s",
                        "bound_tokens_per_s",
                        "share_of_bound",
                        "source"),
                rows);
    }

    @GetMapping("/tables/throughput-measurements.csv")
    ResponseEntity<String> measurements() {
        List<List<String>> rows = workloads.measurements().stream()
                .map(m -> List.of(
                        m.gpu(),
                        Integer.toString(m.memoryBandwidthGbS()),
                        m.engine(),
                        m.model(),
                        m.quant(),
                        Integer.toString(m.batch()),
                        Integer.toString(m.contextTokens()),
                        Double.toString(m.decodeTokensPerSecond()),
                        m.setup(),
                        m.reading() == null ? "" : m.reading(),
                        m.source(),
                        m.published()))
                .toList();
        return Downloads.csv(
                "gemma3-throughput-measurements.csv",
                List.of(
                        "gpu",
                        "memory_bandwidth_gb_s",
                        "engine",
                        "model",
                        "quant",
                        "batch",
                        "context_tokens",
                        "decode_tokens_per_s",
                        "setup",
                        "reading",
                        "source",
                        "published"),
                rows);
    }

    private static List<String> row(String figure, Double bound, Workload.Range typical) {
        return List.of(
                figure,
                bound == null ? "" : String.format(Locale.ROOT, "%.4f", bound),
                typical == null ? "" : String.format(Locale.ROOT, "%.4f", typical.low()),
                typical == null ? "" : String.format(Locale.ROOT, "%.4f", typical.high()));
    }

    /** Currencies a price per GPU-hour is commonly quoted in; the cost is shown in the one chosen. */
    static final List<String> CURRENCIES = PriceCurrencies.OFFERED;

    /** The currency asked for when it is one of the list, else US dollars (what cloud price lists use). */
    static String currency(String asked) {
        return PriceCurrencies.orDefault(asked);
    }

    private void populate(
            WorkloadInputs.Read read,
            WorkloadForm form,
            HttpServletRequest http,
            HttpServletResponse response,
            Model model) {
        Workload workload = workloads.compute(read.request());
        String query = http.getQueryString() == null ? "" : http.getQueryString();
        model.addAttribute("workload", workload);
        model.addAttribute("read", read);
        model.addAttribute("currency", currency(form.currency()));
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute(
                "notices", read.problems().stream().map(InputProblem::message).toList());
        model.addAttribute("req", read.request());
        model.addAttribute("gpuPresets", gpus.all());
        model.addAttribute("engines", Engine.values());
        model.addAttribute("kvDtypes", KvDtype.values());
        model.addAttribute(
                "models",
                catalog.variants().stream()
                        .filter(v -> v.instructionTuned())
                        .map(v -> v.name())
                        .toList());
        model.addAttribute(
                "formats", formats.loadableBy(read.request().deployment().engine()));
        model.addAttribute("measurements", workloads.measurements());
        model.addAttribute("workloadQuery", query);
        model.addAttribute("query", currentSelection.resolve(http).selection().toQueryString());
        model.addAttribute(
                "apiUrl",
                ServletUriComponentsBuilder.fromContextPath(http)
                        .path("/api/workload")
                        .query(query.isEmpty() ? null : query)
                        .build()
                        .toUriString());
        List<StoredDocument> mine = owner.current(http)
                .map(me -> documents.list(me).stream()
                        .filter(d -> d.status() == DocumentStatus.DONE)
                        .toList())
                .orElse(List.of());
        model.addAttribute("documents", mine);
        if (!read.problems().isEmpty()) {
            // the page still answers, with the refused values replaced by their defaults, and says why
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
    }
}
