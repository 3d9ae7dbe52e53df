package com.gemmavision.workload.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.web.AdvisorForm;
import com.gemmavision.advisor.web.AdvisorParameters;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.DocumentTokens;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.selection.Forms;
import com.gemmavision.web.selection.InputProblem;
import com.gemmavision.web.selection.TokenCount;
import com.gemmavision.web.selection.UserText;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.workload.WorkloadRequest;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Reads a workload from a request: the advisor's deployment inputs, then model, quant, documentId (one of the
 * caller's finished documents) or tokensPerDocument, answerTokens, batch (the most documents at once) and
 * pricePerHour. A Spring {@link Validator} for the workload's own ranges; every refusal names its parameter.
 */
@Component
class WorkloadInputs implements Validator {

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
    private final Forms forms;

    WorkloadInputs(
            AdvisorParameters advisor,
            Advisor advice,
            Catalog catalog,
            QuantizationFormats formats,
            Documents documents,
            DocumentOwner owner,
            DocumentTokens tokens,
            Forms forms) {
        this.advisor = advisor;
        this.advice = advice;
        this.catalog = catalog;
        this.formats = formats;
        this.documents = documents;
        this.owner = owner;
        this.tokens = tokens;
        this.forms = forms;
    }

    /** The request read, its problems, and the document it came from (if any). */
    record Read(WorkloadRequest request, List<InputProblem> problems, String documentId, boolean typical) {}

    /**
     * Reads a workload from the two forms MVC bound ({@code @ModelAttribute}): the deployment, checked as the
     * advisor checks it, and the workload's own inputs.
     *
     * @param requireTokens an API call must say which document or how many tokens; the page falls back to a
     *                      typical page
     */
    Read read(
            WorkloadForm form,
            BindingResult formResult,
            AdvisorForm deploymentForm,
            BindingResult deploymentResult,
            HttpServletRequest http,
            boolean requireTokens) {
        forms.limits().validate(form, formResult);
        validate(form, formResult);
        Forms.Bound<WorkloadForm> in = new Forms.Bound<>(form, formResult);
        AdvisorParameters.Parsed parsed = advisor.parse(deploymentForm, deploymentResult);
        AdviceRequest deployment = parsed.request();
        // The page opens on what the advisor picks for the deployment (not on a model that may not fit it);
        // an API call, or a page whose model or format is chosen, keeps to what it asks.
        FitOption pick = requireTokens || form.model() != null || form.quant() != null
                ? null
                : advice.advise(deployment).recommended();
        ModelVariant variant = pick != null && catalog.variant(pick.model()).isPresent()
                ? catalog.variant(pick.model()).get()
                : advisor.model(in, in.refused("model") ? null : form.model(), DEFAULT_MODEL)
                        .orElseThrow();
        List<QuantizationFormat> loadable = formats.loadableBy(deployment.engine());
        String quant = pick != null
                ? pick.format().code()
                : Optional.ofNullable(in.refused("quant") ? null : Forms.text(form.quant()))
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .orElse("bf16");
        if (loadable.stream().noneMatch(f -> f.code().equals(quant))) {
            in.refuse(
                    "quant",
                    form.quant(),
                    deployment.engine().label() + " loads "
                            + String.join(
                                    ", ",
                                    loadable.stream()
                                            .map(QuantizationFormat::code)
                                            .toList()) + "; got “"
                            + UserText.quoted(quant) + "”.");
        }
        String okQuant = loadable.stream().anyMatch(f -> f.code().equals(quant)) ? quant : "bf16";
        long answer = in.or("answerTokens", form.answerTokens(), DEFAULT_ANSWER_TOKENS);
        long batchLimit = deploymentForm.batch() != null ? deployment.batch() : DEFAULT_BATCH_LIMIT;
        BigDecimal price = form.pricePerHour() == null && !in.refused("pricePerHour")
                ? null
                : BigDecimal.valueOf(in.or("pricePerHour", form.pricePerHour(), 0.0));

        String documentId = in.refused("documentId") ? null : Forms.text(form.documentId());
        boolean hasTokens = form.tokensPerDocument() != null || in.refused("tokensPerDocument");
        long text = 0;
        long images = 0;
        boolean exact = true;
        String name = null;
        boolean typical = false;
        if (documentId != null && hasTokens) {
            in.refuse("tokensPerDocument", null, "Give documentId or tokensPerDocument, not both.");
        } else if (documentId != null) {
            Optional<StoredDocument> found = owner.current(http).flatMap(me -> documents.find(documentId, me));
            if (found.isEmpty()) {
                in.refuse("documentId", documentId, "No document “" + UserText.quoted(documentId) + "” among yours.");
            } else if (found.get().status() != DocumentStatus.DONE) {
                in.refuse(
                        "documentId",
                        documentId,
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
            TokenCount count = in.or("tokensPerDocument", form.tokensPerDocument(), null);
            text = count == null ? TYPICAL_PAGE_TOKENS : count.value();
        } else if (requireTokens) {
            in.refuse(
                    "tokensPerDocument",
                    null,
                    "Give documentId (one of your uploaded documents) or tokensPerDocument.");
        } else {
            text = TYPICAL_PAGE_TOKENS;
            typical = true;
        }
        WorkloadRequest request = new WorkloadRequest(
                deployment, variant.name(), okQuant, text, images, exact, name, answer, batchLimit, price);
        List<InputProblem> problems = new ArrayList<>(parsed.errors());
        problems.addAll(in.problems());
        return new Read(request, List.copyOf(problems), name == null ? null : documentId, typical);
    }

    @Override
    public boolean supports(Class<?> type) {
        return WorkloadForm.class.equals(type);
    }

    /** The workload's own ranges: answer tokens, tokens per document, the price. */
    @Override
    public void validate(Object target, Errors errors) {
        WorkloadForm form = (WorkloadForm) target;
        Forms.whole(errors, "answerTokens", form.answerTokens(), 1, MAX_ANSWER_TOKENS, "", null);
        Forms.tokens(errors, "tokensPerDocument", form.tokensPerDocument(), catalog.longestContext());
        if (form.pricePerHour() != null) {
            Forms.decimal(errors, "pricePerHour", form.pricePerHour(), 0, 10_000);
        }
    }
}
