package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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
import com.gemmavision.web.selection.RequestBinder;
import com.gemmavision.web.selection.RequestParameters;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final RequestBinder binder;
    private final Sizing sizing;

    ApiController(
            AdvisorParameters parameters,
            Catalog catalog,
            QuantizationFormats formats,
            MemoryModel memory,
            Advisor advisor,
            RequestBinder binder,
            Sizing sizing) {
        this.sizing = sizing;
        this.binder = binder;
        this.parameters = parameters;
        this.catalog = catalog;
        this.formats = formats;
        this.memory = memory;
        this.advisor = advisor;
    }

    @GetMapping("/memory")
    ResponseEntity<?> memory(HttpServletRequest http) {
        RequestParameters in = binder.read(http.getParameterMap());
        ModelProfile model = parameters
                .model(in, null)
                .map(v -> catalog.profiles(List.of(v.name())).get(0))
                .orElse(null);
        String quant = in.choice(
                "quant",
                code -> formats.anyByCode(code).map(f -> f.code()),
                "bf16",
                "one of " + String.join(", ", formats.allCodes()));
        AdviceRequest request = parameters.parse(in).request();
        if (request.engine() != Engine.IDEAL
                && formats.loadableBy(request.engine()).stream()
                        .noneMatch(f -> f.code().equals(quant))) {
            in.reject(
                    "quant",
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
                    .ifPresent(problem -> in.reject("gpus", problem));
        }
        if (model != null && request.context() > model.architecture().maxContext()) {
            in.reject(
                    "context",
                    String.format(
                            Locale.ROOT,
                            "%s reads at most %,d tokens; context was %,d.",
                            model.name(),
                            model.architecture().maxContext(),
                            request.context()));
        }
        if (!in.problems().isEmpty()) {
            return badRequest(in.problems());
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
    ResponseEntity<?> advice(HttpServletRequest http) {
        AdvisorParameters.Parsed parsed = parameters.parse(http.getParameterMap());
        if (!parsed.errors().isEmpty()) {
            return badRequest(parsed.errors());
        }
        return ResponseEntity.ok(ApiJson.AdviceAnswer.of(parsed.request(), advisor.advise(parsed.request())));
    }

    /** A 400 as a problem detail: the first problem in words, its parameter, and every problem. */
    private static ResponseEntity<ProblemDetail> badRequest(List<RequestParameters.Problem> errors) {
        return ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                errors.get(0).message(),
                Map.of("parameter", errors.get(0).parameter(), "errors", List.copyOf(errors)));
    }
}
