package com.gemmavision.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gemmavision.advisor.Advisor;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether each configured bake-off endpoint names the advisor's codes: an engine it knows, a Gemma 3 model it
 * advises on and a format that engine loads. An endpoint that does not still runs, but its runs get no point on
 * the chart: that is said in a line of the log at start and in a note beside the endpoint on the page.
 */
@Component
public class EndpointChecks {

    private static final Logger log = LoggerFactory.getLogger(EndpointChecks.class);

    private final EvaluationProperties properties;
    private final Advisor advisor;
    private final QuantizationFormats formats;

    public EndpointChecks(EvaluationProperties properties, Advisor advisor, QuantizationFormats formats) {
        this.properties = properties;
        this.advisor = advisor;
        this.formats = formats;
    }

    /** What is wrong with an endpoint's chart codes, in words; empty when its runs can be placed. */
    public List<String> problems(EvaluationProperties.Endpoint endpoint) {
        List<String> problems = new ArrayList<>();
        Optional<Engine> engine = endpoint.engine() == null || endpoint.engine().isBlank()
                ? Optional.empty()
                : Engine.byCode(endpoint.engine());
        if (engine.isEmpty()) {
            problems.add("engine “" + nz(endpoint.engine()) + "” is not one of " + Engine.choices());
        }
        List<String> models = advisor.deployableModels();
        if (endpoint.gemmaModel() == null || !models.contains(endpoint.gemmaModel())) {
            problems.add("gemma-model “" + nz(endpoint.gemmaModel()) + "” is not one of " + String.join(", ", models));
        }
        if (engine.isPresent()) {
            List<String> loadable = formats.loadableBy(engine.get()).stream()
                    .map(QuantizationFormat::code)
                    .toList();
            if (endpoint.format() == null || !loadable.contains(endpoint.format())) {
                problems.add("format “" + nz(endpoint.format()) + "” is not one "
                        + engine.get().code() + " loads (" + String.join(", ", loadable) + ")");
            }
        }
        return problems;
    }

    /** Each endpoint with a problem, by name: what the page notes. */
    public Map<String, String> notes() {
        Map<String, String> notes = new LinkedHashMap<>();
        for (EvaluationProperties.Endpoint endpoint : properties.endpoints()) {
            List<String> problems = problems(endpoint);
            if (!problems.isEmpty()) {
                notes.put(endpoint.name(), "Its runs get no point on the chart: " + String.join("; ", problems) + ".");
            }
        }
        return notes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logAtStart() {
        List<EvaluationProperties.Endpoint> endpoints = properties.endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            List<String> problems = problems(endpoints.get(i));
            if (!problems.isEmpty()) {
                log.warn(
                        "Bake-off endpoint {} (gemmavision.evaluation.endpoints[{}]): {}; it runs, but its runs get"
                                + " no point on the chart",
                        endpoints.get(i).name(),
                        i,
                        String.join("; ", problems));
            }
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
