package com.gemmavision.workload.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gemmavision.advisor.web.AdvisorParameters;
import com.gemmavision.web.WebLayerTest;

import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebLayerTest
class WorkloadControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    com.gemmavision.advisor.Advisor advisor;

    @Autowired
    AdvisorParameters advisorParameters;

    @Test
    void theApiAnswersTokensPrefillDocumentsPerHourAndCost() throws Exception {
        mvc.perform(get("/api/workload")
                        .param("gpu", "NVIDIA L4")
                        .param("model", "Gemma3-12B-IT")
                        .param("quant", "fp8")
                        .param("engine", "vllm")
                        .param("pricePerHour", "0.80")
                        .param("tokensPerDocument", "3000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokensPerDocument").value(3000))
                .andExpect(jsonPath("$.context").value(3512))
                .andExpect(jsonPath("$.fits").value(true))
                .andExpect(jsonPath("$.batch").value(Matchers.greaterThan(1)))
                .andExpect(jsonPath("$.prefillSeconds").isNumber())
                .andExpect(jsonPath("$.documentsPerHour.bound").isNumber())
                .andExpect(jsonPath("$.costPer1000.bound").isNumber())
                .andExpect(jsonPath("$.inputs.pricePerHour").value(0.8))
                .andExpect(jsonPath("$.inputs.engine").value("vllm"))
                .andExpect(result -> {
                    var json = new tools.jackson.databind.ObjectMapper()
                            .readTree(result.getResponse().getContentAsString());
                    double perSequence = json.get("decodeTokensPerSecondPerSequence")
                            .get("bound")
                            .asDouble();
                    double total =
                            json.get("decodeTokensPerSecondTotal").get("bound").asDouble();
                    // both rounded to four figures
                    assertThat(total)
                            .isCloseTo(
                                    perSequence * json.get("batch").asLong(),
                                    org.assertj.core.api.Assertions.withinPercentage(0.1));
                });
    }

    @Test
    void withoutAPriceTheCostIsNull() throws Exception {
        mvc.perform(get("/api/workload?gpu=NVIDIA L4&model=Gemma3-4B-IT&tokensPerDocument=1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.costPer1000.bound").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.documentsPerHour.bound").isNumber());
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/workload?model=Gemma3-4B-IT|tokensPerDocument",
                "/api/workload?tokensPerDocument=0|tokensPerDocument",
                "/api/workload?tokensPerDocument=abc|tokensPerDocument",
                "/api/workload?tokensPerDocument=100&documentId=x|tokensPerDocument",
                "/api/workload?documentId=nope|documentId",
                "/api/workload?tokensPerDocument=100&model=GPT-5|model",
                "/api/workload?tokensPerDocument=100&engine=vllm&quant=q4_0|quant",
                "/api/workload?tokensPerDocument=100&pricePerHour=-1|pricePerHour",
                "/api/workload?tokensPerDocument=100&answerTokens=0|answerTokens",
                "/api/workload?tokensPerDocument=100&gpu=TPU|gpu",
                "/api/workload?tokensPerDocument=100&engine=sglang|engine"
            })
    void badInputIsA400NamingTheParameter(String url, String parameter) throws Exception {
        mvc.perform(get(url))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.error").isString());
    }

    @Test
    void thePageShowsATypicalPageByDefaultAndTheMeasurementsWithTheirSources() throws Exception {
        String html = mvc.perform(get("/workload"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        // it opens on what the advisor picks for the default deployment, which fits, not on a refusal
        String pick = advisor.advise(advisorParameters.parse(java.util.Map.of()).request())
                .recommended()
                .model();
        assertThat(page.select("#workload-result-heading").text())
                .startsWith(pick + " in ")
                .contains("on NVIDIA L4");
        assertThat(page.select(".refusal")).isEmpty();
        assertThat(page.text()).doesNotContain("batch of 0");
        assertThat(page.text()).contains("a typical page");
        assertThat(page.select("#measurements-table tbody tr")).hasSize(4);
        assertThat(page.select("#measurements-table a").eachAttr("href")).allMatch(h -> h.startsWith("https://"));
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Workload and cost");
    }

    @Test
    void onLlamaCppAtOneDocumentThePageShowsTheCalibratedRange() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/workload?gpu=NVIDIA RTX 4090&engine=llamacpp&kvDtype=f16"
                        + "&model=Gemma3-27B-IT&quant=q4_k_m&batch=1&tokensPerDocument=2000&pricePerHour=0.5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#workload-table tr.headline td").eachText())
                .hasSize(4)
                .allMatch(t -> !t.equals("—"));
        assertThat(page.select("#calibration-table tbody tr")).hasSize(4);
    }

    @Test
    void badInputOnThePageIsSaidWithA400AndThePageStillRenders() throws Exception {
        String html = mvc.perform(get("/workload?pricePerHour=lots&tokensPerDocument=500"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select(".notices").text()).contains("pricePerHour");
        assertThat(html).doesNotContain("<script>lots");
    }

    @Test
    void theResultsDownloadAsCsv() throws Exception {
        mvc.perform(get("/tables/workload.csv?gpu=NVIDIA L4&tokensPerDocument=1000&pricePerHour=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("documents_per_hour,")))
                .andExpect(content().string(Matchers.containsString("cost_per_1000_documents,")));
        mvc.perform(get("/tables/workload-calibration.csv?gpu=NVIDIA RTX 4090&engine=llamacpp&kvDtype=f16"
                        + "&quant=q4_k_m&batch=1&tokensPerDocument=1000"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("share_of_bound")))
                .andExpect(content()
                        .string(Matchers.containsString("NVIDIA RTX 3090,llamacpp,Gemma3-4B-IT,q4_k_m,1,188.7")));
        mvc.perform(get("/tables/engine-kv.csv?gpu=NVIDIA L4&context=32768&engine=llamacpp&kvDtype=q8_0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(",llamacpp,q8_0,sliding_window,")));
        mvc.perform(get("/tables/throughput-measurements.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("https://calebcoffie.com")));
    }

    /** A model that does not fit is explained once, not as "a batch of 0"; a cost carries its currency. */
    @Test
    void aRefusalSaysNothingRunsAndCostsCarryTheirCurrency() throws Exception {
        Document refused = Jsoup.parse(mvc.perform(get("/workload?gpu=NVIDIA L4&model=Gemma3-27B-IT&quant=bf16"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select(".refusal").text()).contains("needs");
        assertThat(refused.text()).doesNotContain("batch of 0");
        // said once: the refusal, not again as the calibration note below it
        String why = refused.select(".refusal").text();
        assertThat(refused.text().split(java.util.regex.Pattern.quote(why), -1)).hasSize(2);
        assertThat(refused.text()).doesNotContain("Nothing runs");
        // only the results are redrawn, and a newer change replaces a request in flight (issue 30.4)
        assertThat(refused.select("#workload-form").attr("hx-target")).isEqualTo("#workload-results");
        assertThat(refused.select("#workload-form").attr("hx-sync")).isEqualTo("this:replace");
        assertThat(refused.select("#workload-form").attr("hx-select-oob")).isEqualTo("#quant-choice,#kv-choice");
        assertThat(refused.select("#quant-choice select[name=quant], #kv-choice select[name=kvDtype]"))
                .hasSize(2);
        Document priced = Jsoup.parse(mvc.perform(get(
                        "/workload?gpu=NVIDIA L4&model=Gemma3-4B-IT&quant=bf16" + "&pricePerHour=0.80&currency=EUR"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(priced.select("tr.headline").text()).contains("EUR");
        assertThat(priced.select("select[name=currency] option[selected]").text())
                .isEqualTo("EUR");
        Document fallback = Jsoup.parse(mvc.perform(get(
                        "/workload?gpu=NVIDIA L4&model=Gemma3-4B-IT&quant=bf16" + "&pricePerHour=0.80&currency=<b>"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(fallback.select("tr.headline").text()).contains("USD").doesNotContain("<b>");
    }
}
