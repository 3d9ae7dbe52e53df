package com.gemmavision.workload.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.web.AdvisorParameters;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.DocumentStatus;
import com.gemmavision.documents.DocumentTokens;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.selection.RequestBinder;
import com.gemmavision.web.selection.RequestParameters;
import com.gemmavision.web.selection.UserText;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.workload.WorkloadRequest;

import org.springframework.stereotype.Component;

/**
 * Reads a workload from a request: the advisor's deployment inputs, then model, quant, documentId (one of the
 * caller's finished documents) or tokensPerDocument, answerTokens, batch (the most documents at once) and
 * pricePerHour. Every refusal names its parameter.
 */
@Component
class WorkloadInputs {

    static final String DEFAULT_MODEL = "Gemma3-12B-IT";
    static final long DEFAULT_ANSWER_TOKENS = 512;
    static final long MAX_ANSWER_TOKENS = 8192;
    /** vLLM's --max-num-seqs default on GPUs under 70 GiB: the most documents served at once unless given. */
    static final long DEFAULT_BATCH_LIMIT = 256;
    /** A typical page when no document is chosen: one 896×896 page view (256 tokens) and 500 text tokens. */
    static final long TYPICAL_PAGE_TOKENS = 756;

    private final AdvisorParameters advisor;
    private final Advisor advice;
    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final Documents documents;
    private final DocumentOwner owner;
    private final DocumentTokens tokens;
    private final RequestBinder binder;

    WorkloadInputs(
            AdvisorParameters advisor,
            Advisor advice,
            Catalog catalog,
            QuantizationFormats formats,
            Documents documents,
            DocumentOwner owner,
            DocumentTokens tokens,
            RequestBinder binder) {
        this.advisor = advisor;
        this.advice = advice;
        this.catalog = catalog;
        this.formats = formats;
        this.documents = documents;
        this.owner = owner;
        this.tokens = tokens;
        this.binder = binder;
    }

    /** The request read, its problems, and the document it came from (if any). */
    record Read(
            WorkloadRequest request, List<RequestParameters.Problem> problems, String documentId, boolean typical) {}

    /**
     * @param requireTokens an API call must say which document or how many tokens; the page falls back to a
     *                      typical page
     */
    Read read(HttpServletRequest http, boolean requireTokens) {
        RequestParameters in = binder.read(http.getParameterMap());
        AdviceRequest deployment = advisor.parse(in).request();
        // The page opens on what the advisor picks for the deployment (not on a model that may not fit it);
        // an API call, or a page whose model or format is chosen, keeps to what it asks.
        FitOption pick = requireTokens || in.has("model") || in.has("quant")
                ? null
                : advice.advise(deployment).recommended();
        ModelVariant variant = pick != null && catalog.variant(pick.model()).isPresent()
                ? catalog.variant(pick.model()).get()
                : advisor.model(in, DEFAULT_MODEL).orElseThrow();
        List<QuantizationFormat> loadable = formats.loadableBy(deployment.engine());
        String quant = pick != null
                ? pick.format().code()
                : Optional.ofNullable(in.text("quant"))
                        .filter(s -> !s.isBlank())
                        .map(s -> s.trim().toLowerCase(Locale.ROOT))
                        .orElse("bf16");
        if (loadable.stream().noneMatch(f -> f.code().equals(quant))) {
            in.reject(
                    "quant",
                    deployment.engine().label() + " loads "
                            + String.join(
                                    ", ",
                                    loadable.stream()
                                            .map(QuantizationFormat::code)
                                            .toList()) + "; got “"
                            + UserText.quoted(quant) + "”.");
        }
        String okQuant = loadable.stream().anyMatch(f -> f.code().equals(quant)) ? quant : "bf16";
        long answer = in.whole("answerTokens", 1, MAX_ANSWER_TOKENS, DEFAULT_ANSWER_TOKENS);
        long batchLimit = in.has("batch") ? deployment.batch() : DEFAULT_BATCH_LIMIT;
        BigDecimal price = null;
        if (in.text("pricePerHour") != null && !in.text("pricePerHour").isBlank()) {
            price = BigDecimal.valueOf(in.decimal("pricePerHour", 0, 10_000, 0));
        }

        String documentId = Optional.ofNullable(in.text("documentId"))
                .filter(s -> !s.isBlank())
                .orElse(null);
        boolean hasTokens = in.text("tokensPerDocument") != null
                && !in.text("tokensPerDocument").isBlank();
        long text = 0;
        long images = 0;
        boolean exact = true;
        String name = null;
        boolean typical = false;
        if (documentId != null && hasTokens) {
            in.reject("tokensPerDocument", "Give documentId or tokensPerDocument, not both.");
        } else if (documentId != null) {
            Optional<StoredDocument> found = owner.current(http).flatMap(me -> documents.find(documentId, me));
            if (found.isEmpty()) {
                in.reject("documentId", "No document “" + UserText.quoted(documentId) + "” among yours.");
            } else if (found.get().status() != DocumentStatus.DONE) {
                in.reject(
                        "documentId",
                        found.get().filename() + " is not processed yet ("
                                + found.get().status().name().toLowerCase(Locale.ROOT) + ").");
            } else {
                DocumentResults results = documents.results(found.get());
                TokenNeeds needs =
                        tokens.needs(results, List.of(variant.name()), false).get(0);
                text = needs.textTokens();
                images = needs.imageTokens();
                exact = needs.exactText();
                name = found.get().filename();
            }
        } else if (hasTokens) {
            text = in.whole("tokensPerDocument", 1, catalog.longestContext(), TYPICAL_PAGE_TOKENS);
        } else if (requireTokens) {
            in.reject("tokensPerDocument", "Give documentId (one of your uploaded documents) or tokensPerDocument.");
        } else {
            text = TYPICAL_PAGE_TOKENS;
            typical = true;
        }
        WorkloadRequest request = new WorkloadRequest(
                deployment, variant.name(), okQuant, text, images, exact, name, answer, batchLimit, price);
        return new Read(request, in.problems(), name == null ? null : documentId, typical);
    }
}
