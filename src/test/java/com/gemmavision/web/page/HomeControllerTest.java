package com.gemmavision.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gemmavision.web.WebLayerTest;
import com.gemmavision.web.http.SecurityConfig;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebLayerTest
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    private Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @ParameterizedTest(name = "HX-Request {0}")
    @ValueSource(booleans = {false, true})
    void servesTheWholePageOrOnlyTheAnalysisSections(boolean htmx) throws Exception {
        var request = get("/").param("model", "Gemma3-27B-IT").param("quant", "int4");
        if (htmx) {
            request.header("HX-Request", "true");
        }

        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        Document html = page(result);

        assertThat(html.select("#analysis #overview #parameter-chart")).hasSize(1);
        assertThat(html.select("#analysis #quantization #memory-chart")).hasSize(1);
        assertThat(html.select("#memory-chart rect.bar > title").eachText())
                .containsExactly("Int4 (per-channel) — Gemma3-27B-IT: 14.1 GB");
        assertThat(html.select("form#selection-form")).hasSize(htmx ? 0 : 1);
        assertThat(html.select("#introduction")).hasSize(htmx ? 0 : 1);
        assertThat(result.getResponse().getHeader("HX-Push-Url"))
                .isEqualTo(htmx ? "/?model=Gemma3-27B-IT&quant=int4&kv=false&bench=&table=" : null);
    }

    @Test
    void theCachedFragmentIsTheFragmentOfTheFullPage() throws Exception {
        String url = "/?model=Gemma3-4B-IT&model=Gemma3-12B&quant=sfp8&kv=true&bench=&table=";
        String first = mvc.perform(get(url).header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(get(url).header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = page(mvc.perform(get(url)).andReturn());

        assertThat(second).isEqualTo(first);
        // The user's documents are the one part that is not cached: the fragment loads them in a second request.
        Document fragment = Jsoup.parse(first);
        assertThat(fragment.selectFirst("#documents").attr("hx-trigger")).isEqualTo("load");
        fragment.select("#documents").remove();
        page.select("#documents").remove();
        assertThat(fragment.selectFirst("#analysis").outerHtml())
                .isEqualTo(page.selectFirst("#analysis").outerHtml());
    }

    @Test
    void aFragmentWithIgnoredValuesStillReportsThem() throws Exception {
        String url = "/?model=Gemma3-4B-IT&quant=fp4";
        mvc.perform(get("/?model=Gemma3-4B-IT&quant=").header("HX-Request", "true"));

        Document fragment =
                page(mvc.perform(get(url).header("HX-Request", "true")).andReturn());

        assertThat(fragment.select(".notices li").text()).contains("fp4");
    }

    @Test
    void theSidebarShowsTheSelectionItRendered() throws Exception {
        Document html = page(mvc.perform(get("/").param("model", "Gemma3-12B").param("kv", "true"))
                .andReturn());

        assertThat(html.select("input[name=model][checked]").eachAttr("value")).containsExactly("Gemma3-12B");
        assertThat(html.select("input[name=model][type=checkbox]").eachAttr("value"))
                .containsExactly("Gemma3-1B", "Gemma3-4B-IT", "Gemma3-12B-IT", "Gemma3-12B", "Gemma3-27B-IT");
        assertThat(html.select("input[name=kv][type=checkbox]").hasAttr("checked"))
                .isTrue();
        assertThat(html.select("input[name=quant][checked]").eachAttr("value"))
                .containsExactly("bf16", "int4", "int4-b32", "sfp8");
    }

    @Test
    void theQuantizationSectionSummarisesTheAdvisorsAnswer() throws Exception {
        Document html = page(mvc.perform(get("/")).andReturn());

        assertThat(html.select(".advisor-summary").text()).contains("Gemma3-12B-IT in SFP8 fits NVIDIA L4");
        assertThat(html.select(".advisor-summary a").attr("href")).startsWith("/advisor?model=Gemma3-4B-IT");
        // it says why its figures differ from Table 3's beside it, and whose question it answers
        assertThat(html.select(".advisor-summary .why-different").text())
                .contains("NVIDIA L4, 32,768 tokens, batch 1")
                .contains("not for the sidebar's selection")
                .contains("Table 3 counts the 32,768-token cache in every layer");
    }

    @Test
    void theFormWorksWithoutJavaScript() throws Exception {
        Document html = page(mvc.perform(get("/")).andReturn());

        var form = html.selectFirst("form#selection-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/");
        assertThat(form.select("button[type=submit]").eachText()).containsExactly("Generate Visualizations");
        var documents = html.selectFirst("form#document-form");
        assertThat(documents.attr("method")).isEqualTo("post");
        assertThat(documents.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(documents.select("input[name=_csrf]")).hasSize(1);
        assertThat(documents.select("button[type=submit]").eachText()).containsExactly("Upload", "Run Analysis");
        assertThat(form.attr("hx-get")).isEqualTo("/");
        assertThat(form.attr("hx-trigger")).contains("change");
        assertThat(form.attr("hx-target")).isEqualTo("#analysis");
    }

    @Test
    void modelNamesCarryTheirSummaryOnHover() throws Exception {
        Document html =
                page(mvc.perform(get("/").param("model", "Gemma3-4B-IT")).andReturn());

        assertThat(html.select("#parameter-table abbr").attr("title"))
                .isEqualTo("Gemma3-4B-IT: A 4 billion parameter instruction-tuned model with a vision encoder.");
    }

    @Test
    void aPlainVisitRestoresTheStoredSelectionIntoTheAddressBar() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/").session(session).param("model", "Gemma3-27B-IT").param("kv", "true"))
                .andExpect(status().isOk());

        mvc.perform(get("/").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(
                        "/?model=Gemma3-27B-IT&quant=bf16&quant=int4&quant=int4-b32&quant=sfp8&kv=true&bench=&table="));
    }

    @Test
    void unknownValuesAreReportedEscapedAndTheRestRenders() throws Exception {
        MvcResult result = mvc.perform(get("/").param("model", "<script>alert(1)</script>")
                        .param("model", "Gemma3-1B")
                        .param("quant", "fp4"))
                .andExpect(status().isOk())
                .andReturn();
        String body = result.getResponse().getContentAsString();
        Document html = Jsoup.parse(body);

        assertThat(body).doesNotContain("<script>alert(1)</script>");
        assertThat(html.select(".notices li").eachText())
                .hasSize(2)
                .anySatisfy(n -> assertThat(n).startsWith("Ignored model “<script>alert(1)</script>”"))
                .anySatisfy(n -> assertThat(n).contains("Unknown quantization strategy."));
        assertThat(html.select("#parameter-table tbody th").eachText()).containsExactly("Gemma3-1B");
    }

    @Test
    void tickingNoModelSaysSoInsteadOfFallingBack() throws Exception {
        Document html = page(mvc.perform(get("/").param("model", "")).andReturn());

        assertThat(html.select("#overview .empty").text()).contains("No model selected");
        assertThat(html.select("#parameter-table")).isEmpty();
    }

    @Test
    void aPostWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/")).andExpect(status().isForbidden());
        mvc.perform(post("/").with(csrf())).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void sendsTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void titlesNameTheViewOnWholePagesAndOnRedrawsSoBookmarksDiffer() throws Exception {
        String query = "/?model=Gemma3-12B-IT&model=Gemma3-27B-IT&quant=int4&kv=true&bench=zero-shot";
        Document whole = page(mvc.perform(get(query)).andReturn());
        String redraw = mvc.perform(get(query).header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document other = page(mvc.perform(get("/?model=Gemma3-1B&quant=bf16")).andReturn());

        String expected = "Gemma3-12B-IT, Gemma3-27B-IT · int4 · with KV cache · zero-shot · GemmaVision-QuantAdvisor";
        assertThat(whole.title()).isEqualTo(expected);
        // htmx takes document.title from a <title> at the root of a redraw's answer
        assertThat(redraw.strip()).startsWith("<title>" + expected + "</title>");
        assertThat(other.title()).startsWith("Gemma3-1B · bf16").isNotEqualTo(expected);
        assertThat(page(mvc.perform(get("/advisor?gpu=NVIDIA%20L4&context=8192&batch=2"))
                                .andReturn())
                        .title())
                .isEqualTo("NVIDIA L4 · 8,192 tokens × 2 · Deployment advisor · GemmaVision-QuantAdvisor");
    }

    @Test
    void everyPageNamesItsIconAndTheIconIsServed() throws Exception {
        Document html = page(mvc.perform(get("/")).andReturn());
        String icon = html.select("link[rel=icon]").attr("href");

        assertThat(icon).matches("/favicon-[0-9a-f]{32}\\.svg");
        mvc.perform(get(icon))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("image/svg+xml"));
    }

    @Test
    void tooltipsShowTheDescriptionsAsTextNotMarkdown() throws Exception {
        Document html = page(mvc.perform(get("/?kv=false")).andReturn());

        assertThat(html.select("#quantization abbr").eachAttr("title"))
                .contains("Memory used for model weights, with KV cache memory not included.")
                .noneMatch(title -> title.contains("*"));
        assertThat(html.select("#quantization dd em").eachText()).contains("not");
    }

    @Test
    void aHistoryRestoreGetsTheWholePageNotTheRedraw() throws Exception {
        String url = "/?model=Gemma3-4B-IT&quant=bf16&kv=false";
        Document restored =
                page(mvc.perform(get(url).header("HX-Request", "true").header("HX-History-Restore-Request", "true"))
                        .andExpect(status().isOk())
                        .andReturn());
        Document advisor = page(mvc.perform(get("/advisor?gpu=NVIDIA%20L4")
                        .header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(restored.select("header.masthead")).hasSize(1);
        assertThat(restored.select("form#selection-form")).hasSize(1);
        assertThat(restored.select("#analysis #quantization")).hasSize(1);
        assertThat(advisor.select("header.masthead")).hasSize(1);
        assertThat(advisor.select("form#selection-form")).hasSize(1);
    }
}
