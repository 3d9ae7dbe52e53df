package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.Sizing;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.EngineKvCache;
import com.gemmavision.memory.KvAllocation;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.http.ApiProblems;
import com.gemmavision.web.selection.Forms;
import com.gemmavision.web.selection.InputProblem;
import com.gemmavision.web.selection.UserText;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for scripts and notebooks: memory for one deployment, and advice for a GPU. */
@RestController
@RequestMapping("/api")
class ApiController {

    private final AdvisorParameters parameters;
    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final MemoryModel memory;
    private final Advisor advisor;

    private final Forms forms;
    private final Sizing sizing;

    ApiController(
            AdvisorParameters parameters,
            Catalog catalog,
            QuantizationFormats formats,
            MemoryModel memory,
            Advisor advisor,
            Forms forms,
            Sizing sizing) {
        this.sizing = sizing;
        this.forms = forms;
        this.parameters = parameters;
        this.catalog = catalog;
        this.formats = formats;
        this.memory = memory;
        this.advisor = advisor;
    }

    @GetMapping("/memory")
    ResponseEntity<?> memory(
            @ModelAttribute MemoryForm form,
            BindingResult formResult,
            @ModelAttribute AdvisorForm deployment,
            BindingResult deploymentResult) {
        Forms.Bound<MemoryForm> in = new Forms.Bound<>(form, formResult);
        forms.limits().validate(form, formResult);
        ModelProfile model = parameters
                .model(in, form.model(), null)
                .map(v -> catalog.profiles(List.of(v.name())).get(0))
                .orElse(null);
        String typedQuant = Forms.text(form.quant());
        String known = typedQuant == null || in.refused("quant")
                ? "bf16"
                : formats.anyByCode(typedQuant).map(f -> f.code()).orElse(null);
        if (known == null) {
            in.refuse(
                    "quant",
                    typedQuant,
                    "quant must be one of " + String.join(", ", formats.allCodes()) + "; got “"
                            + UserText.quoted(typedQuant) + "”.");
        }
        String quant = known == null ? "bf16" : known;
        AdvisorParameters.Parsed parsed = parameters.parse(deployment, deploymentResult);
        AdviceRequest request = parsed.request();
        if (request.engine() != Engine.IDEAL
                && formats.loadableBy(request.engine()).stream()
                        .noneMatch(f -> f.code().equals(quant))) {
            in.refuse(
                    "quant",
                    quant,
                    request.engine().label() + " does not load " + quant + "; it loads "
                            + String.join(
                                    ", ",
                                    formats.loadableBy(request.engine()).stream()
                                            .map(f -> f.code())
                                            .toList())
                            + ".");
        }
        if (model != null) {
            EngineKvCache.tensorParallelProblem(model.architecture(), request.engine(), request.gpus())
                    .ifPresent(problem -> in.refuse("gpus", request.gpus(), problem));
        }
        if (model != null && request.context() > model.architecture().maxContext()) {
            in.refuse(
                    "context",
                    request.context(),
                    String.format(
                            Locale.ROOT,
                            "%s reads at most %,d tokens; context was %,d.",
                            model.name(),
                            model.architecture().maxContext(),
                            request.context()));
        }
        List<InputProblem> problems = new ArrayList<>(in.problems());
        problems.addAll(parsed.errors());
        if (!problems.isEmpty()) {
            return badRequest(problems);
        }
        MemoryRequest memoryRequest = request.memory(model.name(), quant, request.context());
        // the estimate and the KV budget as the advisor and the workload page size them
        Sizing.Fit sized = sizing.fit(model.name(), quant, request.context(), request);
        MemoryEstimate estimate = sized.estimate();
        KvAllocation allocation = memory.allocation(memoryRequest);
        List<String> check = new ArrayList<>(allocation.checks());
        long kvBudget = sized.kvBudgetBytes();
        check.addAll(EngineKvCache.vllmLog(
                allocation, model.architecture(), request.context(), kvBudget, request.settings()));
        return ResponseEntity.ok(ApiJson.Memory.of(
                ApiJson.MemoryInputs.of(model.name(), quant, request),
                estimate,
                ApiJson.KvCacheDetail.of(allocation, check)));
    }

    @GetMapping("/advice")
    ResponseEntity<?> advice(@ModelAttribute AdvisorForm deployment, BindingResult result) {
        AdvisorParameters.Parsed parsed = parameters.parse(deployment, result);
        if (!parsed.errors().isEmpty()) {
            return badRequest(parsed.errors());
        }
        return ResponseEntity.ok(ApiJson.AdviceAnswer.of(parsed.request(), advisor.advise(parsed.request())));
    }

    /** A 400 as a problem detail: the first problem in words, its parameter, and every problem. */
    private static ResponseEntity<ProblemDetail> badRequest(List<InputProblem> errors) {
        return ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                errors.get(0).message(),
                Map.of("parameter", errors.get(0).parameter(), "errors", List.copyOf(errors)));
    }
}
