package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebLayerTest
class DownloadControllerTest {

    @Autowired
    MockMvc mvc;

    private String body(String url, String... params) throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void downloadsTheParameterTableOfTheSelection() throws Exception {
        assertThat(body("/tables/parameters.csv", "model", "Gemma3-1B", "model", "Gemma3-27B-IT"))
                .isEqualTo("""
                model,vision_encoder_params_m,embedding_params_m,non_embedding_params_m,total_params_m_sum\r
                Gemma3-1B,0,302,698,1000\r
                Gemma3-27B-IT,417,1416,25600,27433\r
                """);
    }

    @Test
    void downloadsTable3InFullWithPrintedValues() throws Exception {
        String csv = body("/tables/memory-footprint.csv");

        assertThat(csv)
                .startsWith("model,includes_kv_cache,bf16,int4,int4_blocks32,sfp8\r\n")
                .contains("Gemma3-4B,false,8.0,2.6,2.9,4.4\r\n")
                .contains("Gemma3-27B,true,72.7,32.8,34.0,46.1\r\n");
        assertThat(csv.lines()).hasSize(9);
    }

    @Test
    void downloadsTheDerivedSavings() throws Exception {
        assertThat(body("/tables/savings.csv", "model", "Gemma3-27B-IT", "quant", "int4", "kv", "false"))
                .contains("Gemma3-27B-IT,int4,false,14.1,54.0,26\r\n");
    }

    @Test
    void downloadsTheArchitecture() throws Exception {
        assertThat(body("/tables/architecture.csv", "model", "Gemma3-12B-IT"))
                .contains(
                        "Gemma3-12B-IT,Gemma3-12B,48,3840,16,8,256,5:1,40,8,1024,131072,262208,12,TPUv4,6144,true,256");
    }

    @Test
    void downloadsChartsAsStandaloneSvg() throws Exception {
        String svg = body("/charts/memory.svg", "model", "Gemma3-4B-IT", "quant", "sfp8", "kv", "true");

        assertThat(svg)
                .startsWith("<?xml")
                .contains("xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<title>SFP8 — Gemma3-4B-IT: 9.1 GB</title>");
        mvc.perform(get("/charts/parameters.svg"))
                .andExpect(header().string("Content-Type", Matchers.startsWith("image/svg+xml")));
    }
}
