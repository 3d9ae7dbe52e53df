package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.gemmavision.ReportFixture;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every figure of Tables 1 and 3 reaches the page exactly as the seed (the report) prints it. */
@WebLayerTest
class ReportFiguresPageTest {

    @Autowired
    MockMvc mvc;

    private Document allSizes() throws Exception {
        return Jsoup.parse(mvc.perform(get("/").param("model", "Gemma3-1B", "Gemma3-4B", "Gemma3-12B", "Gemma3-27B"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void table1AppearsInFullWithCorrectTotals() throws Exception {
        Document page = allSizes();
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.US);

        for (CSVRecord row : ReportFixture.seed("t01_parameter_counts.csv")) {
            Element tr = page.select("#parameter-table tbody tr").stream()
                    .filter(r -> r.selectFirst("th").text().equals(row.get("model")))
                    .findFirst()
                    .orElseThrow();
            List<String> cells = tr.select("td").eachText();
            int vision = Integer.parseInt(row.get("vision_encoder_params_m"));
            int embedding = Integer.parseInt(row.get("embedding_params_m"));
            int nonEmbedding = Integer.parseInt(row.get("non_embedding_params_m"));
            assertThat(cells)
                    .containsExactly(
                            grouped.format(vision),
                            grouped.format(embedding),
                            grouped.format(nonEmbedding),
                            grouped.format(vision + embedding + nonEmbedding));
        }
        assertThat(page.select("#parameter-table tbody td:last-child").eachText())
                .containsExactly("1,000", "4,301", "12,188", "27,433");
    }

    @Test
    void table3AppearsInFullAsPrinted() throws Exception {
        Document page = allSizes();
        List<Element> rows = page.select("#memory-table tbody tr");

        List<CSVRecord> seed = ReportFixture.seed("t03_memory_footprint_gb.csv");
        assertThat(rows).hasSize(seed.size());
        for (CSVRecord row : seed) {
            String kv = Boolean.parseBoolean(row.get("includes_kv_cache")) ? "+KV" : "weights";
            Element tr = rows.stream()
                    .filter(r -> r.selectFirst("th").text().equals(row.get("model"))
                            && r.child(1).text().equals(kv))
                    .findFirst()
                    .orElseThrow();
            assertThat(tr.select("td.num").eachText())
                    .containsExactly(row.get("bf16"), row.get("int4"), row.get("int4_blocks32"), row.get("sfp8"));
        }
    }

    @Test
    void theMemoryChartCarriesTable3sFiguresForTheSelection() throws Exception {
        Document page = allSizes();

        assertThat(page.select("#memory-chart rect.bar > title").eachText())
                .hasSize(16)
                .contains(
                        "bfloat16 — Gemma3-1B: 2.0 GB",
                        "Int4 blocks=32 — Gemma3-12B: 7.1 GB",
                        "SFP8 — Gemma3-27B: 27.4 GB");
    }
}
