package com.gemmavision.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.gemmavision.documents.llm.ModelNames;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bake-off's servers and bounds. Endpoints are named here, by the operator, and picked by name in a request:
 * a request never carries an address, so the app cannot be made to call a host of the user's choosing.
 *
 * @param endpoints      the OpenAI-compatible servers to compare
 * @param concurrency    documents in flight per endpoint at once
 * @param timeout        how long one document may take, answer included
 * @param maxDocuments   documents in one run at most
 * @param maxLabelsBytes the largest labels.jsonl accepted
 * @param keepRuns       runs kept per owner; older ones are deleted
 */
@ConfigurationProperties("gemmavision.evaluation")
public record EvaluationProperties(
        List<Endpoint> endpoints,
        int concurrency,
        Duration timeout,
        int maxDocuments,
        int maxLabelsBytes,
        int keepRuns,
        int maxPages) {

    public EvaluationProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /**
     * One server under test.
     *
     * @param name       what the page and the API call it
     * @param baseUrl    for example http://gpu-1:8000/v1
     * @param model      the model name the server knows (google/gemma-3-12b-it, gemma3:4b)
     * @param apiKey     sent as a bearer token when set
     * @param engine     the advisor's engine code (vllm, llamacpp, ideal), for the memory of its chart point
     * @param gemmaModel the Gemma 3 checkpoint it serves (Gemma3-12B-IT), for its chart point
     * @param format     the advisor's format code (bf16, int4, q4_k_m), for its chart point
     * @param images     whether it reads page images: false for vLLM launched text-only ({@code
     *                   --limit-mm-per-prompt '{"image": 0}'}), llama-server without {@code --mmproj}, Ollama
     *                   models without vision; unset means yes, except for Gemma 3 1B, which reads none
     */
    public record Endpoint(
            String name,
            String baseUrl,
            String model,
            String apiKey,
            String engine,
            String gemmaModel,
            String format,
            Boolean images) {

        /** Whether page images are sent: as set, else yes unless the endpoint serves Gemma 3 1B. */
        public boolean readsImages() {
            if (images != null) {
                return images;
            }
            return !ModelNames.isOneB(gemmaModel) && !ModelNames.isOneB(model);
        }

        public String completionsUrl() {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions";
        }
    }

    public Optional<Endpoint> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
