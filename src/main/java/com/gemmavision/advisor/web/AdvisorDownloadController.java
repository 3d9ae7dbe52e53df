package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.AdvisorPage;
import com.gemmavision.advisor.AdvisorView;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.memory.Table3Reconciliation;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Selection;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The advisor's tables as CSV and its charts as SVG, for the parameters in the URL. */
@RestController
class AdvisorDownloadController {

    private final CurrentSelection currentSelection;
    private final AdvisorParameters parameters;
    private final AdvisorPage advisorPage;
    private final Table3Reconciliation reconciliation;

    AdvisorDownloadController(
            CurrentSelection currentSelection,
            AdvisorParameters parameters,
            AdvisorPage advisorPage,
            Table3Reconciliation reconciliation) {
        this.currentSelection = currentSelection;
        this.parameters = parameters;
        this.advisorPage = advisorPage;
        this.reconciliation = reconciliation;
    }

    /**
     * The view the parameters ask for. A download is for a script or a file kept: a parameter it cannot read (an
     * unknown GPU, say) is a 400 in words, as the JSON API answers, never a file for the defaults it fell back on.
     */
    private AdvisorView view(AdvisorForm form, BindingResult result, HttpServletRequest request) {
        Selection selection = currentSelection.resolve(request).selection();
        AdvisorParameters.Parsed parsed = parameters.parse(form, result);
        if (!parsed.errors().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", parsed.messages()));
        }
        return advisorPage.view(parsed.request(), selection.models(), selection.quants());
    }

    /** The recommended option's fit plan: users per context and the time each waits (derived). */
    @GetMapping("/tables/fit-plan.csv")
    ResponseEntity<String> fitPlan(@ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        AdvisorView view = view(form, result, request);
        List<List<String>> rows = new ArrayList<>();
        String option = view.advice().recommended() == null
                ? ""
                : view.advice().recommended().model() + " in "
                        + view.advice().recommended().format().code();
        for (Advisor.FitPlanRow p : view.fitPlan()) {
            rows.add(List.of(
                    option,
                    Long.toString(p.context()),
                    Long.toString(p.users()),
                    Long.toString(p.kvBytesPerUser()),
                    p.ttftAloneSeconds() == null ? "" : String.format(Locale.ROOT, "%.4f", p.ttftAloneSeconds()),
                    p.ttftLastSeconds() == null ? "" : String.format(Locale.ROOT, "%.4f", p.ttftLastSeconds()),
                    p.decodeTokensPerSecondPerUser() == null
                            ? ""
                            : String.format(Locale.ROOT, "%.2f", p.decodeTokensPerSecondPerUser())));
        }
        return Downloads.csv(
                "gemma3-fit-plan.csv",
                List.of(
                        "option",
                        "context_tokens",
                        "users_that_fit_derived",
                        "kv_bytes_per_user_derived",
                        "ttft_alone_seconds_bound_derived",
                        "ttft_last_of_all_seconds_derived",
                        "decode_tokens_per_second_per_user_bound_derived"),
                rows);
    }

    @GetMapping("/tables/advice.csv")
    ResponseEntity<String> advice(@ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        List<String> header = new ArrayList<>(List.of(
                "model",
                "quant",
                "weights_bytes",
                "kv_cache_bytes",
                "overhead_bytes",
                "total_bytes",
                "usable_bytes",
                "context_supported",
                "fits",
                "max_context",
                "max_batch",
                "decode_tokens_per_s_upper_bound",
                "prefill_s_lower_bound"));
        for (QualityBenchmark benchmark : QualityBenchmark.values()) {
            header.add(benchmark.id() + "_table" + benchmark.table());
        }
        List<List<String>> rows = new ArrayList<>();
        for (FitOption o : view(form, result, request).advice().options()) {
            List<String> row = new ArrayList<>(List.of(
                    o.model(),
                    o.format().code(),
                    Long.toString(o.estimate().weightsBytes()),
                    Long.toString(o.estimate().kvCacheBytes()),
                    Long.toString(o.estimate().overheadBytes()),
                    Long.toString(o.estimate().totalBytes()),
                    Long.toString(o.usableBytes()),
                    Boolean.toString(o.contextSupported()),
                    Boolean.toString(o.fits()),
                    o.maxContext() == null ? "" : o.maxContext().toString(),
                    Long.toString(o.maxBatch()),
                    o.decodeTokensPerSecondBound() == null ? "" : fixed(o.decodeTokensPerSecondBound(), 1),
                    o.prefillSecondsBound() == null ? "" : fixed(o.prefillSecondsBound(), 4)));
            for (QualityBenchmark benchmark : QualityBenchmark.values()) {
                row.add(o.qualityOf(benchmark) == null ? "" : o.qualityOf(benchmark));
            }
            rows.add(row);
        }
        return Downloads.csv("gemma3-deployment-advice.csv", header, rows);
    }

    @GetMapping("/tables/table3-reconciliation.csv")
    ResponseEntity<String> table3() {
        List<List<String>> rows = new ArrayList<>();
        for (Table3Reconciliation.KvRow row : reconciliation.kvRows()) {
            List<String> cells = new ArrayList<>(List.of(
                    row.model(),
                    row.reportWeightsGb(),
                    row.reportWithKvGb(),
                    row.impliedKvGb().toPlainString()));
            row.ours().forEach(e -> cells.add(fixed(e.gb(), 3)));
            rows.add(cells);
        }
        return Downloads.csv(
                "gemma3-table3-kv-reconciliation.csv",
                List.of(
                        "model",
                        "table3_bf16_weights_gb",
                        "table3_bf16_with_kv_gb",
                        "implied_kv_gb_derived",
                        "ours_window_8bit_gb",
                        "ours_full_8bit_gb",
                        "ours_window_bf16_gb",
                        "ours_full_bf16_gb"),
                rows);
    }

    /** The recommended option's KV cache as its engine allocates it, per layer kind. */
    @GetMapping("/tables/engine-kv.csv")
    ResponseEntity<String> engineKv(
            @ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        AdvisorView.EngineDetail detail = view(form, result, request).engine();
        List<List<String>> rows = new ArrayList<>();
        if (detail != null) {
            var kv = detail.kvCache();
            rows.add(List.of(
                    detail.option().model(),
                    detail.option().format().code(),
                    kv.engine().code(),
                    kv.dtype().code(),
                    "global",
                    Integer.toString(kv.globalLayers()),
                    Long.toString(kv.globalCells()),
                    Long.toString(kv.sequences()),
                    Long.toString(kv.bytesPerCell() * kv.replication()),
                    Long.toString(kv.globalBytes())));
            rows.add(List.of(
                    detail.option().model(),
                    detail.option().format().code(),
                    kv.engine().code(),
                    kv.dtype().code(),
                    "sliding_window",
                    Integer.toString(kv.localLayers()),
                    Long.toString(kv.localCells()),
                    Long.toString(kv.sequences()),
                    Long.toString(kv.bytesPerCell() * kv.replication()),
                    Long.toString(kv.localBytes())));
        }
        return Downloads.csv(
                "gemma3-engine-kv-cache.csv",
                List.of(
                        "model",
                        "quant",
                        "engine",
                        "kv_dtype",
                        "layers",
                        "count",
                        "cells_per_sequence",
                        "sequences",
                        "bytes_per_cell_and_layer",
                        "bytes"),
                rows);
    }

    @GetMapping("/charts/fit.svg")
    ResponseEntity<String> fitChart(
            @ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-memory-vs-gpu.svg", view(form, result, request).fitChartSvg());
    }

    @GetMapping("/charts/pareto-memory.svg")
    ResponseEntity<String> paretoMemory(
            @ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-quality-vs-memory.svg", view(form, result, request).paretoMemorySvg());
    }

    @GetMapping("/charts/pareto-speed.svg")
    ResponseEntity<String> paretoSpeed(
            @ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        String svg = view(form, result, request).paretoSpeedSvg();
        if (svg == null) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "A GPU known only by its memory has no published bandwidth: choose a preset for the speed chart");
        }
        return Downloads.svg("gemma3-quality-vs-speed.svg", svg);
    }

    @GetMapping("/charts/kv-cache.svg")
    ResponseEntity<String> kvChart(@ModelAttribute AdvisorForm form, BindingResult result, HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-kv-cache-vs-context.svg", view(form, result, request).kvChartSvg());
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
