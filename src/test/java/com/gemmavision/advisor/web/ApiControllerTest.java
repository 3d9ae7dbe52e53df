package com.gemmavision.advisor.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gemmavision.web.WebLayerTest;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebLayerTest
class ApiControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void memoryReturnsIntegerBytesGibAndTheInputs() throws Exception {
        mvc.perform(
                        get(
                                "/api/memory?model=Gemma3-27B-IT&quant=bf16&context=131072&batch=1&kvDtype=bf16&slidingWindow=true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weightsBytes").value(54_866_000_000L))
                .andExpect(jsonPath("$.kvCacheBytes").value(11_173_625_856L))
                .andExpect(jsonPath("$.overheadBytes").value(1_073_741_824L))
                .andExpect(jsonPath("$.totalBytes").value(54_866_000_000L + 11_173_625_856L + 1_073_741_824L))
                .andExpect(jsonPath("$.kvCacheGiB").value(10.406))
                .andExpect(jsonPath("$.inputs.model").value("Gemma3-27B-IT"))
                .andExpect(jsonPath("$.inputs.context").value(131072))
                .andExpect(jsonPath("$.inputs.slidingWindow").value(true));
    }

    @Test
    void memoryWithoutTheWindowKeepsTheFullContextInEveryLayer() throws Exception {
        mvc.perform(get("/api/memory?model=gemma3-27b&quant=sfp8&context=131072&slidingWindow=false&overheadGiB=0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kvCacheBytes").value(66_571_993_088L))
                .andExpect(jsonPath("$.kvCacheGiB").value(62.0))
                .andExpect(jsonPath("$.overheadBytes").value(0))
                .andExpect(jsonPath("$.inputs.model").value("Gemma3-27B"));
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/memory?model=Gemma3-1B&context=131072|context",
                "/api/memory?model=Gemma3-4B-IT&context=0|context",
                "/api/memory?model=Gemma3-4B-IT&context=abc|context",
                "/api/memory?model=Gemma3-4B-IT&batch=0|batch",
                "/api/memory?model=Gemma3-4B-IT&batch=99999999|batch",
                "/api/memory?model=GPT-5|model",
                "/api/memory?quant=bf16|model",
                "/api/memory?model=Gemma3-4B-IT&quant=fp4|quant",
                "/api/memory?model=Gemma3-4B-IT&kvDtype=fp16|kvDtype",
                "/api/memory?model=Gemma3-4B-IT&slidingWindow=maybe|slidingWindow",
                "/api/advice?gpu=TPU|gpu",
                "/api/advice?memoryGiB=-3|memoryGiB",
                "/api/advice?memoryGiB=NaN|memoryGiB",
                "/api/advice?gpus=0|gpus",
                "/api/advice?headroom=95|headroom",
                "/api/advice?rankBy=vibes|rankBy",
                "/api/advice?engine=tgi|engine",
                "/api/advice?engine=vllm&kvDtype=q4_0|kvDtype",
                "/api/memory?model=Gemma3-4B-IT&engine=hf-transformers&kvDtype=fp8|kvDtype",
                "/api/memory?model=Gemma3-4B-IT&engine=vllm&quant=q4_k_m|quant",
                "/api/memory?model=Gemma3-4B-IT&engine=llamacpp&quant=awq-int4|quant",
                "/api/memory?model=Gemma3-1B-IT&engine=vllm&gpus=3|gpus"
            })
    void badInputIsA400NamingTheParameter(String url, String parameter) throws Exception {
        mvc.perform(get(url))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.error").isString());
    }

    /**
     * Issue 30.11: the API binds its inputs with {@code @ModelAttribute} and Spring's conversion: a checkbox's
     * last value wins (its hidden twin comes first), "128k" is a context, and a type mismatch is said in words.
     */
    @Test
    void inputsAreBoundBySpringWithTheAppsConversions() throws Exception {
        mvc.perform(get("/api/advice?slidingWindow=false&slidingWindow=true&textOnly=false&context=128k"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.slidingWindow").value(true))
                .andExpect(jsonPath("$.inputs.textOnly").value(false))
                .andExpect(jsonPath("$.inputs.context").value(131072));
        mvc.perform(get("/api/advice?gpus=two&batch=1e3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("gpus"))
                .andExpect(jsonPath("$.error").value("gpus must be a whole number; got “two”."))
                .andExpect(jsonPath("$.errors[1].parameter").value("batch"))
                .andExpect(jsonPath("$.errors[1].message").value("batch must be a whole number; got “1e3”."));
        // a nested-looking name builds the token count from numbers only: nothing typed is echoed
        mvc.perform(get("/api/advice?context.value=0&context.thousands=false"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("context"))
                .andExpect(jsonPath("$.error").value(Matchers.endsWith("; got 0.")));
    }

    /** The bound forms' hostile cases: huge values, huge exponents, repeated names, nested and indexed names. */
    @Test
    void hostileValuesAreRefusedInWordsNeverFatal() throws Exception {
        mvc.perform(get("/api/advice").param("gpu", "x".repeat(100_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("gpu"))
                .andExpect(jsonPath("$.error").value("Ignored a value of “gpu” longer than 64 characters."));
        mvc.perform(get("/api/advice").param("context", "9".repeat(5_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("context"))
                .andExpect(jsonPath("$.error").value(Matchers.endsWith("…”.")));
        mvc.perform(get("/api/advice?memoryGiB=1e999999999&overheadGiB=-0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("memoryGiB"))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("Infinity")));
        mvc.perform(get("/api/advice?engine=vllm&engine=tgi&gpus[0]=2&batch.x=1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("engine"));
        // a nested path into a number is no property to set: ignored, on every page that binds a form
        mvc.perform(get("/advisor?batch.x=1&context.value.y=2")).andExpect(status().isOk());
        mvc.perform(get("/workload?answerTokens.x=1&batch.x=1")).andExpect(status().isOk());
        mvc.perform(get("/api/memory?model=Gemma3-4B-IT&quant.x=1")).andExpect(status().isOk());
    }

    /** Issue 30.11: API refusals are Spring's ProblemDetail (RFC 9457), keeping the members scripts read. */
    @Test
    void aRefusalIsAProblemDetail() throws Exception {
        mvc.perform(get("/api/advice?engine=tgi"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("tgi")))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("tgi")))
                .andExpect(jsonPath("$.parameter").value("engine"))
                .andExpect(jsonPath("$.errors[0].parameter").value("engine"));
    }

    @Test
    void memoryOnLlamaCppGivesTheCachePerLayerKindAndTheLinesItsLogPrints() throws Exception {
        // 27B, -c 32768 -np 1, f16: 10 x 32,768 x 8,192 + 52 x 1,536 x 8,192 bytes (conformance vectors)
        mvc.perform(get("/api/memory?model=Gemma3-27B-IT&quant=q4_k_m&context=32768&engine=llamacpp&kvDtype=f16"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kvCacheBytes").value(3_338_665_984L))
                .andExpect(jsonPath("$.inputs.engine").value("llamacpp"))
                .andExpect(jsonPath("$.kvCache.globalLayers").value(10))
                .andExpect(jsonPath("$.kvCache.localCellsPerSequence").value(1536))
                .andExpect(jsonPath("$.kvCache.localBytes").value(654_311_424L))
                .andExpect(jsonPath("$.kvCache.check[0]")
                        .value("llama_kv_cache_iswa: creating non-SWA KV cache, size = 32768 cells"));
    }

    @Test
    void memoryOnVllmPredictsItsKvCacheSizeLine() throws Exception {
        mvc.perform(get("/api/memory?model=Gemma3-27B-IT&quant=fp8&context=32768&engine=vllm&gpu=NVIDIA H100 80GB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kvCache.localLayers").value(60))
                .andExpect(jsonPath("$.kvCache.check[1]")
                        .value(Matchers.allOf(
                                Matchers.startsWith("GPU KV cache size: "),
                                Matchers.containsString("PR #50462 (July 2026) and later"))))
                .andExpect(jsonPath("$.kvCache.check[2]")
                        .value(Matchers.allOf(
                                Matchers.startsWith("GPU KV cache size: "),
                                Matchers.containsString("before PR #50462, e.g. 0.19"))))
                .andExpect(jsonPath("$.kvCache.check[3]")
                        .value(Matchers.startsWith("Maximum concurrency for 32,768 tokens per request: ")));
    }

    @Test
    void adviceOnARealEngineNamesWhatTheRunnerUpChangesAndTheLaunchCommand() throws Exception {
        mvc.perform(get("/api/advice?gpu=NVIDIA L4&context=32768&engine=llamacpp&kvDtype=q8_0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.engine").value("llamacpp"))
                .andExpect(jsonPath("$.recommendation.launchCommand").value(Matchers.startsWith("llama-server")))
                .andExpect(jsonPath("$.recommendation.runnerUpExtraBytes").isNumber())
                .andExpect(jsonPath("$.recommendation.runnerUpQualityPoints").isNumber())
                .andExpect(jsonPath("$.recommendation.runnerUpDecodeTokensPerSecondChange")
                        .isNumber())
                .andExpect(jsonPath("$.options[*].quant", Matchers.not(Matchers.hasItem("int4-b32"))));
    }

    @Test
    void theDefaultEngineIsIdealSoEarlierAnswersStay() throws Exception {
        mvc.perform(get("/api/memory?model=Gemma3-27B-IT&quant=bf16&context=131072"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kvCacheBytes").value(11_173_625_856L))
                .andExpect(jsonPath("$.inputs.engine").value("ideal"));
    }

    @Test
    void adviceListsEveryOptionAndTheRecommendation() throws Exception {
        mvc.perform(get("/api/advice?context=32768&batch=1").param("gpu", "NVIDIA L4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.options.length()").value(16))
                .andExpect(jsonPath("$.options[0].model").value("Gemma3-1B-IT"))
                .andExpect(jsonPath("$.options[0].totalBytes").isNumber())
                .andExpect(jsonPath("$.options[0].fits").value(true))
                .andExpect(jsonPath("$.options[0].maxContext").value(32768))
                .andExpect(jsonPath("$.options[0].maxBatch").isNumber())
                .andExpect(jsonPath("$.options[12].model").value("Gemma3-27B-IT"))
                .andExpect(jsonPath("$.options[12].fits").value(false))
                .andExpect(jsonPath("$.options[12].maxContext").isEmpty())
                .andExpect(jsonPath("$.recommendation.model").value("Gemma3-12B-IT"))
                .andExpect(jsonPath("$.recommendation.quant").value("sfp8"))
                .andExpect(jsonPath("$.inputs.gpu").value("NVIDIA L4"));
    }

    @Test
    void adviceAcceptsCustomMemoryInsteadOfAPreset() throws Exception {
        mvc.perform(get("/api/advice?memoryGiB=48&context=8192&batch=4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.gpu").isEmpty())
                .andExpect(jsonPath("$.inputs.memoryGiB").value(48.0))
                .andExpect(
                        jsonPath("$.options[0].decodeTokensPerSecondUpperBound").isEmpty());
    }

    @Test
    void qualityScoresAreNumbersAsPublishedAndMissingOnesNull() throws Exception {
        String body = mvc.perform(get("/api/advice").param("gpu", "NVIDIA H100 80GB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.options[?(@.model == 'Gemma3-27B-IT' && @.quant == 'bf16')].quality.docvqa")
                        .value(Matchers.contains(Matchers.instanceOf(Number.class))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // no score is a string any more
        Assertions.assertThat(body).doesNotContainPattern("\"docvqa\":\"");
    }

    /** "32k" typed as a context is 32,768 tokens (the model cards' K), not 32; what is not a count is refused. */
    @Test
    void contextsWrittenWithKAreThousandsOf1024Tokens() throws Exception {
        mvc.perform(get("/api/memory?model=Gemma3-4B-IT&context=32k"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.context").value(32_768));
        mvc.perform(get("/api/memory?model=Gemma3-4B-IT&context=128K"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.context").value(131_072));
        mvc.perform(get("/api/memory?model=Gemma3-4B-IT&context=32 768"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.context").value(32_768));
        mvc.perform(get("/api/memory?model=Gemma3-4B-IT&context=32x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("like 32768 or 32k")));
        mvc.perform(get("/api/memory?model=Gemma3-1B&context=64k"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("65,536")));
    }
}
