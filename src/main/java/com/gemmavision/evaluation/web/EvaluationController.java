package com.gemmavision.evaluation.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.charts.ScatterChart;
import com.gemmavision.documents.extraction.Decimals;
import com.gemmavision.evaluation.EndpointChecks;
import com.gemmavision.evaluation.EvaluationRun;
import com.gemmavision.evaluation.Evaluations;
import com.gemmavision.evaluation.MeasuredPareto;
import com.gemmavision.pricing.PriceCurrencies;
import com.gemmavision.web.http.ApiProblems;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.http.Htmx;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The bake-off: {@code /evaluations} (the page: endpoints to choose, a price, optional labels; stored runs side by
 * side with per-field scores and the measured points on the advisor's Pareto chart), {@code POST /api/evaluations}
 * for scripts, and the runs and their fields as CSV.
 */
@Controller
class EvaluationController {

    private final Evaluations evaluations;
    private final MeasuredPareto pareto;
    private final DocumentOwner owner;
    private final EndpointChecks checks;

    EvaluationController(Evaluations evaluations, MeasuredPareto pareto, DocumentOwner owner, EndpointChecks checks) {
        this.checks = checks;
        this.evaluations = evaluations;
        this.pareto = pareto;
        this.owner = owner;
    }

    /** The page; with {@code batch}, that bake-off's progress while it runs and its runs marked when done. */
    @GetMapping("/evaluations")
    String page(@RequestParam(required = false) String batch, HttpServletRequest request, Model model) {
        // the bake-off asked for, else the user's own that is running (or that a stop cut short), whenever the
        // page is opened
        owner.current(request)
                .flatMap(me -> batch != null ? evaluations.status(me, batch) : evaluations.current(me))
                .ifPresent(status -> model.addAttribute("batch", status));
        populate(request, model);
        return "evaluations";
    }

    /**
     * The form: starts the bake-off in the background. With htmx the page comes back with its progress, which
     * polls until the runs are in; without JavaScript a redirect to the batch's page, which reloads itself.
     */
    @PostMapping("/evaluations")
    String run(
            @RequestParam(name = "endpoint", required = false) List<String> endpoints,
            @RequestParam(defaultValue = "") String pricePerHour,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(name = "labels", required = false) MultipartFile labels,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            // only a user with documents can start one: a refused form starts no session
            String me = owner.currentOrNobody(request);
            String jsonl = labels == null || labels.isEmpty() ? null : text(labels);
            Evaluations.BatchStatus started =
                    evaluations.start(me, new Evaluations.Request(endpoints, price(pricePerHour), jsonl, currency));
            if (!Htmx.isRequest(htmx)) {
                return "redirect:/evaluations?batch=" + started.batch();
            }
            response.setHeader(Htmx.PUSH_URL, "/evaluations?batch=" + started.batch());
            model.addAttribute("batch", started);
        } catch (Evaluations.Refused refused) {
            response.setStatus(refused.status());
            model.addAttribute("evaluationError", refused.getMessage());
            model.addAttribute("runningBatch", refused.runningBatch());
        }
        model.addAttribute("typedPrice", pricePerHour);
        model.addAttribute("currency", PriceCurrencies.orDefault(currency));
        model.addAttribute("chosen", endpoints == null ? List.of() : endpoints);
        populate(request, model);
        return "evaluations";
    }

    /**
     * What a script sends: endpoint names, a price per GPU hour in a currency (USD unless named) and, optionally, the
     * labels.jsonl text.
     */
    record ApiRequest(List<String> endpoints, BigDecimal pricePerHour, String labels, String currency) {}

    static final String API_SHAPE = "The body must be a JSON object such as {\"endpoints\": [\"vllm-12b\"],"
            + " \"pricePerHour\": 0.80, \"currency\": \"EUR\", \"labels\": \"<labels.jsonl text>\"}: endpoints a list"
            + " of endpoint names, pricePerHour a number, currency a code (USD unless given), labels text (all three"
            + " optional).";

    /** A body that is not JSON, or not of the API's shape (a price of "abc", endpoints that are not a list). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, API_SHAPE, Map.of());
    }

    /** Where a bake-off stands, as the API answers it. */
    record BatchJson(
            String batch,
            String state,
            int documents,
            List<String> endpoints,
            int asked,
            int toAsk,
            String error,
            List<String> unfinished,
            String status,
            List<EvaluationJson> runs) {
        static BatchJson of(Evaluations.BatchStatus s) {
            return new BatchJson(
                    s.batch(),
                    s.state(),
                    s.documents(),
                    s.endpoints(),
                    s.asked(),
                    s.toAsk(),
                    s.error(),
                    s.unfinished(),
                    "/api/evaluations/batches/" + s.batch(),
                    s.runs().stream().map(EvaluationJson::of).toList());
        }
    }

    /** Starts a bake-off: 202 with where to follow it; its runs arrive as each endpoint finishes. */
    @PostMapping(
            value = "/api/evaluations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> api(@RequestBody(required = false) ApiRequest body, HttpServletRequest request) {
        try {
            if (body == null) {
                throw new Evaluations.Refused(400, API_SHAPE);
            }
            if (body.labels() != null
                    && body.labels().length() > evaluations.settings().maxLabelsBytes()) {
                throw new Evaluations.Refused(413, tooLarge());
            }
            Evaluations.BatchStatus started = evaluations.start(
                    owner.currentOrNobody(request),
                    new Evaluations.Request(body.endpoints(), body.pricePerHour(), body.labels(), body.currency()));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/evaluations/batches/" + started.batch()))
                    .body(BatchJson.of(started));
        } catch (Evaluations.Refused refused) {
            // a refusal, and where the user's running bake-off is when that is the reason
            return ApiProblems.of(
                    HttpStatus.valueOf(refused.status()),
                    refused.getMessage(),
                    refused.runningBatch() == null
                            ? Map.of()
                            : Map.of("running", "/api/evaluations/batches/" + refused.runningBatch()));
        }
    }

    @GetMapping(value = "/api/evaluations/batches/{batch}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> batch(@PathVariable String batch, HttpServletRequest request) {
        return owner.current(request)
                .flatMap(me -> evaluations.status(me, batch))
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(BatchJson.of(s)))
                .orElseGet(() ->
                        ApiProblems.of(HttpStatus.NOT_FOUND, "There is no bake-off of yours with that id.", Map.of()));
    }

    @GetMapping(value = "/api/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<EvaluationJson> list(HttpServletRequest request) {
        return runs(request).stream().map(EvaluationJson::of).toList();
    }

    @GetMapping("/evaluations.csv")
    ResponseEntity<String> runsCsv(HttpServletRequest request) {
        List<List<String>> rows = new ArrayList<>();
        for (EvaluationRun r : runs(request)) {
            rows.add(List.of(
                    Long.toString(r.id()),
                    r.createdAt().toString(),
                    r.endpoint(),
                    r.servedModel(),
                    r.engine(),
                    nz(r.gemmaModel()),
                    nz(r.format()),
                    Integer.toString(r.documents()),
                    Integer.toString(r.failed()),
                    Integer.toString(r.labelled()),
                    Integer.toString(r.modelRight()),
                    Integer.toString(r.modelWrong()),
                    Integer.toString(r.rulesRight()),
                    Integer.toString(r.rulesWrong()),
                    num(r.p50Seconds(), 3),
                    num(r.p95Seconds(), 3),
                    r.promptTokens() == null ? "" : r.promptTokens().toString(),
                    r.completionTokens() == null ? "" : r.completionTokens().toString(),
                    Integer.toString(r.concurrency()),
                    num(r.wallSeconds(), 3),
                    num(r.documentsPerHour(), 1),
                    r.pricePerHour() == null ? "" : r.pricePerHour().toPlainString(),
                    nz(r.priceCurrency()),
                    r.costPer1000() == null ? "" : r.costPer1000().toPlainString(),
                    nz(r.firstProblem()),
                    Integer.toString(r.truncatedDocuments()),
                    nz(r.notes())));
        }
        return Downloads.csv(
                "bake-off-runs.csv",
                List.of(
                        "run",
                        "created",
                        "endpoint",
                        "served_model",
                        "engine",
                        "gemma_model",
                        "format",
                        "documents",
                        "failed",
                        "labelled_values",
                        "model_right",
                        "model_wrong",
                        "rules_right",
                        "rules_wrong",
                        "p50_seconds",
                        "p95_seconds",
                        "prompt_tokens",
                        "completion_tokens",
                        "concurrency",
                        "wall_seconds",
                        "documents_per_hour_derived",
                        "price_per_hour",
                        "price_currency",
                        "cost_per_1000_documents_derived",
                        "first_problem",
                        "truncated_documents",
                        "notes"),
                rows);
    }

    @GetMapping("/evaluations/fields.csv")
    ResponseEntity<String> fieldsCsv(HttpServletRequest request) {
        List<List<String>> rows = new ArrayList<>();
        for (EvaluationRun r : runs(request)) {
            for (EvaluationRun.FieldScore f : r.fields()) {
                rows.add(List.of(
                        Long.toString(r.id()),
                        r.endpoint(),
                        f.field(),
                        Integer.toString(f.labelled()),
                        Integer.toString(f.modelRight()),
                        Integer.toString(f.modelWrong()),
                        Integer.toString(f.modelMissed()),
                        Integer.toString(f.rulesRight()),
                        Integer.toString(f.rulesWrong()),
                        Integer.toString(f.rulesMissed())));
            }
        }
        return Downloads.csv(
                "bake-off-fields.csv",
                List.of(
                        "run",
                        "endpoint",
                        "field",
                        "labelled",
                        "model_right",
                        "model_wrong",
                        "model_missed",
                        "rules_right",
                        "rules_wrong",
                        "rules_missed"),
                rows);
    }

    private List<EvaluationRun> runs(HttpServletRequest request) {
        return owner.current(request).map(evaluations::runs).orElse(List.of());
    }

    private void populate(HttpServletRequest request, Model model) {
        List<EvaluationRun> runs = runs(request);
        Object batch = model.getAttribute("batch");
        if (batch instanceof Evaluations.BatchStatus status) {
            model.addAttribute("bakeOffRunning", status.running());
            model.addAttribute(
                    "justRun", status.runs().stream().map(EvaluationRun::id).toList());
            // the form keeps the servers this bake-off asked, ready for the next one
            if (!model.containsAttribute("chosen")) {
                model.addAttribute("chosen", status.endpoints());
            }
        }
        model.addAttribute("endpoints", evaluations.settings().endpoints());
        model.addAttribute("endpointNotes", checks.notes());
        model.addAttribute("settings", evaluations.settings());
        model.addAttribute("runs", runs);
        model.addAttribute(
                "charts", pareto.charts(runs).stream().map(ScatterChart::render).toList());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", List.of());
        }
        if (!model.containsAttribute("typedPrice")) {
            model.addAttribute("typedPrice", "");
        }
        if (!model.containsAttribute("currency")) {
            model.addAttribute("currency", PriceCurrencies.DEFAULT);
        }
        model.addAttribute("currencies", PriceCurrencies.OFFERED);
    }

    private String text(MultipartFile labels) {
        if (labels.getSize() > evaluations.settings().maxLabelsBytes()) {
            throw new Evaluations.Refused(413, tooLarge());
        }
        try (InputStream in = labels.getInputStream()) {
            byte[] bytes = in.readNBytes(evaluations.settings().maxLabelsBytes() + 1);
            if (bytes.length > evaluations.settings().maxLabelsBytes()) {
                throw new Evaluations.Refused(413, tooLarge());
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Evaluations.Refused(400, "labels.jsonl must be UTF-8 text.");
        } catch (IOException e) {
            throw new Evaluations.Refused(400, "labels.jsonl could not be read.");
        }
    }

    private String tooLarge() {
        return "labels.jsonl is larger than " + evaluations.settings().maxLabelsBytes() / 1024 + " KB.";
    }

    private static BigDecimal price(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return Decimals.parse(typed)
                .orElseThrow(() -> new Evaluations.Refused(400, "The price per hour must be a number, such as 0.80."));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String num(Double value, int decimals) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
