package com.gemmavision.documents.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional OpenAI-compatible chat-completions server serving a Gemma 3 model (Ollama, vLLM, llama.cpp
 * server), for "Ask Gemma". Off while {@code baseUrl} is blank.
 *
 * @param baseUrl  for example http://localhost:11434/v1 (Ollama) or http://localhost:8000/v1 (vLLM)
 * @param model    the model name the server knows, for example gemma3:4b or google/gemma-3-4b-it
 * @param apiKey   sent as a bearer token when set
 * @param timeout  how long to wait for an answer
 * @param maxPages page images sent at most (the text of every page is sent)
 * @param images   whether the server reads images (false for a text-only launch, a server without a vision
 *                 projector, or Gemma 3 1B); unset means yes, unless the model's name says 1B
 */
@ConfigurationProperties("gemmavision.llm")
public record LlmProperties(
        String baseUrl, String model, String apiKey, Duration timeout, int maxPages, Boolean images) {

    /** Whether page images are sent: as set, else yes unless the model is Gemma 3 1B, which reads no images. */
    public boolean readsImages() {
        return images != null ? images : !ModelNames.isOneB(model);
    }

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    String completionsUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions";
    }
}
