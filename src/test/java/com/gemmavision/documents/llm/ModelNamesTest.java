package com.gemmavision.documents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.evaluation.EvaluationProperties;

import org.junit.jupiter.api.Test;

/** Gemma 3 1B reads no images: endpoints serving it send text only unless told otherwise. */
class ModelNamesTest {

    @Test
    void oneBIsKnownByEveryPublishersSpelling() {
        assertThat(ModelNames.isOneB("gemma3:1b")).isTrue();
        assertThat(ModelNames.isOneB("google/gemma-3-1b-it")).isTrue();
        assertThat(ModelNames.isOneB("Gemma3-1B-IT")).isTrue();
        assertThat(ModelNames.isOneB("ggml-org/gemma-3-1b-it-GGUF:Q4_K_M")).isTrue();
        assertThat(ModelNames.isOneB("gemma3:12b")).isFalse();
        assertThat(ModelNames.isOneB("google/gemma-3-4b-it")).isFalse();
        assertThat(ModelNames.isOneB("Gemma3-27B-IT")).isFalse();
        assertThat(ModelNames.isOneB("gemma3:1b1")).isFalse();
        assertThat(ModelNames.isOneB(null)).isFalse();
    }

    @Test
    void imagesAreSentUnlessSetOffOrTheModelIsOneB() {
        assertThat(endpoint("Gemma3-4B-IT", "gemma3:4b", null).readsImages()).isTrue();
        assertThat(endpoint("Gemma3-4B-IT", "gemma3:4b", false).readsImages()).isFalse();
        assertThat(endpoint("Gemma3-1B-IT", "local", null).readsImages()).isFalse();
        assertThat(endpoint(null, "gemma3:1b", null).readsImages()).isFalse();
        assertThat(endpoint("Gemma3-1B-IT", "gemma3:1b", true).readsImages()).isTrue();
        assertThat(new LlmProperties("http://x", "gemma3:1b", null, null, 1, null).readsImages())
                .isFalse();
    }

    private static EvaluationProperties.Endpoint endpoint(String gemma, String served, Boolean images) {
        return new EvaluationProperties.Endpoint("e", "http://x/v1", served, null, "ollama", gemma, "q4_k_m", images);
    }
}
