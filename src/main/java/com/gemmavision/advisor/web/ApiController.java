package com.gemmavision.advisor.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.Advice;
import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.FitOption;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.QuantizationFormats;

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

    ApiController(AdvisorParameters parameters, Catalog catalog, QuantizationFormats formats, MemoryModel memory,
                  Advisor advisor) {
        this.parameters = parameters;
        this.catalog = catalog;
        this.formats = formats;
        this.memory = memory;
        this.advisor = advisor;
    }

    @GetMapping("/memory")
    ResponseEntity<Map<String, Object>> memory(HttpServletRequest http) {
        Map<String, String[]> query = http.getParameterMap();
        AdvisorParameters.Parsed parsed = parameters.parse(query);
        AdvisorParameters.Reader in = new AdvisorParameters.Reader(query);
        String modelName = in.text("model");
        ModelProfile model = null;
        if (modelName == null || modelName.isBlank()) {
            in.error("model", "model is required, e.g. Gemma3-27B-IT.");
        } else {
            model = catalog.variant(modelName).map(v -> catalog.profiles(List.of(v.name())).get(0)).orElse(null);
            if (model == null) {
                in.error("model", "Unknown model “" + AdvisorParameters.shorten(modelName) + "”: use one of "
                        + String.join(", ", catalog.variants().stream().map(v -> v.name()).toList()) + ".");
            }
        }
        String quant = in.choice("quant", code -> formats.byCode(code).map(f -> f.code()), "bf16",
                "bf16, int4, int4-b32 or sfp8");
        AdviceRequest request = parsed.request();
        if (model != null && request.context() > model.architecture().maxContext()) {
            in.error("context", String.format(Locale.ROOT, "%s reads at most %,d tokens; context was %,d.",
                    model.name(), model.architecture().maxContext(), request.context()));
        }
        List<AdvisorParameters.ParameterError> errors = new java.util.ArrayList<>(in.errors);
        errors.addAll(parsed.errors());
        if (!errors.isEmpty()) {
            return badRequest(errors);
        }
        MemoryRequest memoryRequest = new MemoryRequest(model.name(), quant, request.context(), request.batch(),
                request.kvDtype(), request.slidingWindow(), request.weights(), request.overheadBytes());
        MemoryEstimate estimate = memory.estimate(memoryRequest);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", model.name());
        inputs.put("quant", quant);
        inputs.put("context", request.context());
        inputs.put("batch", request.batch());
        inputs.put("kvDtype", request.kvDtype().code());
        inputs.put("slidingWindow", request.slidingWindow());
        inputs.put("textOnly", request.weights().textOnly());
        inputs.put("bf16Extras", request.weights().visionAndEmbeddingsInBf16());
        inputs.put("overheadGiB", request.overheadGib());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", inputs);
        body.put("weightsBytes", estimate.weightsBytes());
        body.put("kvCacheBytes", estimate.kvCacheBytes());
        body.put("overheadBytes", estimate.overheadBytes());
        body.put("totalBytes", estimate.totalBytes());
        body.put("weightsGiB", round(MemoryEstimate.gib(estimate.weightsBytes())));
        body.put("kvCacheGiB", round(MemoryEstimate.gib(estimate.kvCacheBytes())));
        body.put("overheadGiB", round(MemoryEstimate.gib(estimate.overheadBytes())));
        body.put("totalGiB", round(MemoryEstimate.gib(estimate.totalBytes())));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/advice")
    ResponseEntity<Map<String, Object>> advice(HttpServletRequest http) {
        AdvisorParameters.Parsed parsed = parameters.parse(http.getParameterMap());
        if (!parsed.errors().isEmpty()) {
            return badRequest(parsed.errors());
        }
        Advice advice = advisor.advise(parsed.request());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", inputs(parsed.request()));
        body.put("options", advice.options().stream().map(ApiController::option).toList());
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("model", advice.recommended() == null ? null : advice.recommended().model());
        recommendation.put("quant", advice.recommended() == null ? null : advice.recommended().format().code());
        recommendation.put("reason", advice.reasoning());
        body.put("recommendation", recommendation);
        return ResponseEntity.ok(body);
    }

    static Map<String, Object> inputs(AdviceRequest request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("gpu", request.gpu() == null ? null : request.gpu().gpu());
        inputs.put("memoryGiB", request.memoryGib());
        inputs.put("gpus", request.gpus());
        inputs.put("context", request.context());
        inputs.put("batch", request.batch());
        inputs.put("kvDtype", request.kvDtype().code());
        inputs.put("slidingWindow", request.slidingWindow());
        inputs.put("overheadGiB", request.overheadGib());
        inputs.put("headroom", request.headroomPercent());
        inputs.put("rankBy", request.rankBy().id());
        inputs.put("textOnly", request.weights().textOnly());
        inputs.put("bf16Extras", request.weights().visionAndEmbeddingsInBf16());
        inputs.put("usableBytes", request.usableBytes());
        return inputs;
    }

    private static Map<String, Object> option(FitOption option) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", option.model());
        json.put("quant", option.format().code());
        json.put("weightsBytes", option.estimate().weightsBytes());
        json.put("kvCacheBytes", option.estimate().kvCacheBytes());
        json.put("overheadBytes", option.estimate().overheadBytes());
        json.put("totalBytes", option.estimate().totalBytes());
        json.put("totalGiB", round(MemoryEstimate.gib(option.estimate().totalBytes())));
        json.put("fits", option.fits());
        json.put("contextSupported", option.contextSupported());
        json.put("headroomBytes", option.headroomBytes());
        json.put("maxContext", option.maxContext());
        json.put("maxBatch", option.maxBatch());
        json.put("decodeTokensPerSecondUpperBound", option.decodeTokensPerSecondBound() == null ? null
                : round(option.decodeTokensPerSecondBound()));
        json.put("prefillSecondsLowerBound", option.prefillSecondsBound() == null ? null
                : Math.round(option.prefillSecondsBound() * 10_000) / 10_000.0);
        Map<String, String> quality = new LinkedHashMap<>();
        for (QualityBenchmark benchmark : QualityBenchmark.values()) {
            quality.put(benchmark.id(), option.qualityOf(benchmark));
        }
        json.put("quality", quality);
        return json;
    }

    private static ResponseEntity<Map<String, Object>> badRequest(List<AdvisorParameters.ParameterError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", errors.get(0).message());
        body.put("parameter", errors.get(0).parameter());
        body.put("errors", errors.stream().map(e -> Map.of("parameter", e.parameter(), "message", e.message())).toList());
        return ResponseEntity.badRequest().body(body);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
