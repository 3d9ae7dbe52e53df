package com.gemmavision.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gemmavision.web.WebLayerTest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebLayerTest
class AdvisorControllerTest {

    @Autowired
    MockMvc mvc;

    private Document page(String url, boolean htmx) throws Exception {
        var request = get(url);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void showsEveryOptionTheRecommendationAndTheReconciliation() throws Exception {
        Document page = page("/advisor?model=Gemma3-27B-IT&quant=int4&gpu=NVIDIA L4", false);

        assertThat(page.select("#fit-table tbody tr")).hasSize(16);
        assertThat(page.select("#fit-table tr.selected th").eachText()).containsExactly("Gemma3-27B-IT");
        assertThat(page.select("#fit-table tr.recommended th").eachText()).containsExactly("Gemma3-12B-IT");
        assertThat(page.select(".recommendation").text()).startsWith("Gemma3-12B-IT in SFP8 fits NVIDIA L4");
        // the recommended option and the runner-up lead the chart, then the sidebar's choice
        assertThat(page.select("#fit-chart text.category").stream()
                        .map(label -> String.join(" ", label.select("tspan").eachText()))
                        .toList())
                .containsExactly("12B SFP8 ★", "27B Int4 blocks=32 (2nd)", "27B Int4 (per-channel)");
        assertThat(page.select("#fit-chart rect.bar > title").eachText()).hasSize(9);
        assertThat(page.select(".recommendation").text())
                .contains("Runner-up: Gemma3-27B-IT in Int4 blocks=32, DocVQA 86.6 (-0.5 points), needing");
        assertThat(page.select("#fit-chart .reference title").text()).isEqualTo("NVIDIA L4: 21.6 GiB usable");
        assertThat(page.select("#kv-chart circle.point > title").eachText())
                .contains(
                        "27B 5:1 with window — 128K tokens: 10.41 GiB",
                        "27B every layer full — 128K tokens: 62.00 GiB");
        assertThat(page.select("#kv-reconciliation-table tbody tr")).hasSize(4);
        assertThat(page.select("#kv-reconciliation-table tbody tr")
                        .get(3)
                        .select("td")
                        .eachText())
                .startsWith("54.0", "72.7", "18.7");
        assertThat(page.select("select[name=gpu] option[selected]").text()).startsWith("NVIDIA L4");
    }

    @Test
    void theHtmxTwinReturnsOnlyTheResultsAndPushesTheWholeState() throws Exception {
        var result = mvc.perform(get("/advisor?model=Gemma3-4B-IT&batch=4")
                        .param("gpu", "NVIDIA T4")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn();
        Document fragment = Jsoup.parse(result.getResponse().getContentAsString());

        assertThat(fragment.select("#advisor-results")).hasSize(1);
        assertThat(fragment.select("form")).isEmpty();
        assertThat(result.getResponse().getHeader("HX-Push-Url"))
                .startsWith("/advisor?model=Gemma3-4B-IT&")
                .contains("gpu=NVIDIA%20T4")
                .contains("batch=4")
                .contains("context=32768");
    }

    @Test
    void badSettingsAreReportedAndTheDefaultsUsed() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/advisor")
                        .param("context", "999999")
                        .param("batch", "-1")
                        .param("kvDtype", "fp3")
                        .param("gpu", "<b>TPU</b>"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select(".notices li").eachText())
                .hasSize(4)
                .anySatisfy(n -> assertThat(n).startsWith("context must be between 1 and 131,072"))
                .anySatisfy(n -> assertThat(n).startsWith("Unknown GPU “<b>TPU</b>”"));
        assertThat(page.select("#fit-table tbody tr")).hasSize(16);
    }

    @Test
    void theFitPlanOfTheRecommendationIsShownAndDownloads() throws Exception {
        Document page = page("/advisor?gpu=NVIDIA%20L4&context=20000", false);

        assertThat(page.select("#fit-plan-table tbody tr")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select("#fit-plan-table tbody tr.selected th").text()).isEqualTo("20,000");
        assertThat(page.select("#fit-plan .note").text())
                .contains("the users that fit")
                .contains("All derived");
        String csv = mvc.perform(
                        get("/tables/fit-plan.csv").param("gpu", "NVIDIA L4").param("context", "20000"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("option,context_tokens,users_that_fit_derived");
        assertThat(csv.lines()).anyMatch(l -> l.contains(",20000,"));
    }

    @Test
    void aDownloadForAGpuThatIsNotAPresetIsA400InWordsNotAFileForTheDefault() throws Exception {
        var answer = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/tables/fit-plan.csv")
                                .param("gpu", "NVIDIA Imaginary 1000"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).contains("Unknown GPU").contains("NVIDIA Imaginary 1000");
        var known = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/tables/fit-plan.csv")
                                .param("gpu", "NVIDIA L4"))
                .andReturn()
                .getResponse();
        assertThat(known.getStatus()).isEqualTo(200);
    }

    @Test
    void onLlamaCppTheRecommendationShowsWhatADraftModelAdds() throws Exception {
        Document llama = page("/advisor?gpu=NVIDIA%20A100%2080GB&engine=llamacpp&kvDtype=f16&context=32768", false);
        Document vllm = page("/advisor?gpu=NVIDIA%20A100%2080GB&engine=vllm&context=32768", false);

        assertThat(llama.select("#draft-table tbody tr")).hasSize(6);
        assertThat(llama.select("#draft-table thead th").eachText())
                .containsExactly("Part", "GiB, default cache", "GiB, with --swa-full");
        assertThat(llama.select("#draft-table tr.selected td").first().text()).contains("usable:");
        // the command speculates: without --spec-type, current llama-server loads the draft and never drafts
        assertThat(llama.select("#draft-command").text())
                .doesNotContain("--swa-full")
                .contains("-md gemma-3-1b-it-Q8_0.gguf --spec-type draft-simple");
        assertThat(vllm.select("#draft-table")).isEmpty();
    }

    @Test
    void downloadsTheAdviceAndTheReconciliation() throws Exception {
        String csv = mvc.perform(get("/tables/advice.csv").param("gpu", "NVIDIA L4"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String table3 = mvc.perform(get("/tables/table3-reconciliation.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv.lines()).hasSize(17);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("model,quant,weights_bytes");
        assertThat(table3).contains("Gemma3-27B,54.0,72.7,18.7,");
    }

    @Test
    void aCustomMemoryShowsAsCustomNotAsAPreset() throws Exception {
        Document custom = Jsoup.parse(mvc.perform(get("/advisor").param("memoryGiB", "48"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Document preset = Jsoup.parse(mvc.perform(get("/advisor").param("gpu", "NVIDIA L4"))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(custom.select("select[name=gpu] option[selected]").eachAttr("value"))
                .containsExactly("");
        assertThat(custom.select("input[name=memoryGiB]").val()).isEqualTo("48.0");
        assertThat(preset.select("select[name=gpu] option[selected]").eachAttr("value"))
                .containsExactly("NVIDIA L4");
        assertThat(preset.select("input[name=memoryGiB]").val()).isEmpty();
    }

    @Test
    void onLlamaCppTheRecommendationComesWithItsCachePerLayerKindTheLogLinesAndTheLaunchCommand() throws Exception {
        Document page = page("/advisor?gpu=NVIDIA L4&context=32768&batch=2&engine=llamacpp&kvDtype=q8_0", false);

        // llama.cpp loads bf16 and the GGUF formats only
        assertThat(page.select("#fit-table tbody tr td:nth-of-type(1)").eachText())
                .allMatch(label ->
                        label.equals("bfloat16") || label.startsWith("GGUF") || label.startsWith("Google QAT"));
        assertThat(page.select("#engine-heading").text()).startsWith("What llama.cpp (default SWA cache) allocates");
        assertThat(page.select("#engine-kv-table tbody tr")).hasSize(2);
        assertThat(page.select("#check-lines").text())
                .contains("creating non-SWA KV cache, size = 32768 cells", "2/2 seqs), K (q8_0)");
        assertThat(page.select("#launch-command").text())
                .startsWith("llama-server")
                .contains("-c 65536", "-np 2", "-ctk q8_0 -ctv q8_0", "-fa on");
        assertThat(page.select("button.copy[data-copy-target=launch-command]")).hasSize(1);
        assertThat(page.select("select[name=engine] option[selected]").val()).isEqualTo("llamacpp");
        // the decision view: quality against memory and against speed, the recommendation marked on both
        assertThat(page.select("#pareto-memory-chart text.mark").eachText()).contains("★");
        assertThat(page.select("#pareto-speed-chart text.mark").eachText()).contains("★");
    }

    @Test
    void aKvTypeTheEngineDoesNotOfferIsSaidInThePage() throws Exception {
        Document page = page("/advisor?gpu=NVIDIA L4&engine=vllm&kvDtype=q4_0", false);
        assertThat(page.text())
                .contains("vLLM (hybrid KV cache manager) stores the KV cache as bf16 or fp8, not q4_0.");
        assertThat(page.select("#launch-command").text())
                .startsWith("vllm serve")
                .doesNotContain("q4_0");
    }

    @Test
    void aGpuCountVllmRefusesIsSaidOnTheOptionsItConcerns() throws Exception {
        Document page = page("/advisor?gpu=NVIDIA L4&gpus=3&engine=vllm", false);
        // 3 does not divide any Gemma 3 model's attention heads (4, 8, 16, 32)
        assertThat(page.select("#fit-table tbody tr td:nth-of-type(7)").eachText())
                .allMatch(t -> t.startsWith("no: vLLM refuses --tensor-parallel-size 3"));
        assertThat(page.select(".recommendation").text())
                .startsWith("No option fits")
                .contains("vLLM refuses --tensor-parallel-size 3");
    }
}
