package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.UserText;

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

    ApiController(
            AdvisorParameters parameters,
            Catalog catalog,
            QuantizationFormats formats,
            MemoryModel memory,
            Advisor advisor) {
        this.parameters = parameters;
        this.catalog = catalog;
        this.formats = formats;
        this.memory = memory;
        this.advisor = advisor;
    }

    @GetMapping("/memory")
    ResponseEntity<?> memory(HttpServletRequest http) {
        Map<String, String[]> query = http.getParameterMap();
        AdvisorParameters.Parsed parsed = parameters.parse(query);
        AdvisorParameters.Reader in = new AdvisorParameters.Reader(query);
        String modelName = in.text("model");
        ModelProfile model = null;
        if (modelName == null || modelName.isBlank()) {
            in.error("model", "model is required, e.g. Gemma3-27B-IT.");
        } else {
            model = catalog.variant(modelName)
                    .map(v -> catalog.profiles(List.of(v.name())).get(0))
                    .orElse(null);
            if (model == null) {
                in.error(
                        "model",
                        "Unknown model “" + UserText.quoted(modelName) + "”: use one of "
                                + String.join(
                                        ", ",
                                        catalog.variants().stream()
                                                .map(v -> v.name())
                                                .toList()) + ".");
            }
        }
        String quant = in.choice(
                "quant", code -> formats.byCode(code).map(f -> f.code()), "bf16", "bf16, int4, int4-b32 or sfp8");
        AdviceRequest request = parsed.request();
        if (model != null && request.context() > model.architecture().maxContext()) {
            in.error(
                    "context",
                    String.format(
                            Locale.ROOT,
                            "%s reads at most %,d tokens; context was %,d.",
                            model.name(),
                            model.architecture().maxContext(),
                            request.context()));
        }
        List<AdvisorParameters.ParameterError> errors = new ArrayList<>(in.errors);
        errors.addAll(parsed.errors());
        if (!errors.isEmpty()) {
            return badRequest(errors);
        }
        MemoryRequest memoryRequest = new MemoryRequest(
                model.name(),
                quant,
                request.context(),
                request.batch(),
                request.kvDtype(),
                request.slidingWindow(),
                request.weights(),
                request.overheadBytes());
        return ResponseEntity.ok(ApiJson.Memory.of(
                ApiJson.MemoryInputs.of(model.name(), quant, request), memory.estimate(memoryRequest)));
    }

    @GetMapping("/advice")
    ResponseEntity<?> advice(HttpServletRequest http) {
        AdvisorParameters.Parsed parsed = parameters.parse(http.getParameterMap());
        if (!parsed.errors().isEmpty()) {
            return badRequest(parsed.errors());
        }
        return ResponseEntity.ok(ApiJson.AdviceAnswer.of(parsed.request(), advisor.advise(parsed.request())));
    }

    private static ResponseEntity<ApiJson.Problem> badRequest(List<AdvisorParameters.ParameterError> errors) {
        return ResponseEntity.badRequest().body(ApiJson.Problem.of(errors));
    }
}
