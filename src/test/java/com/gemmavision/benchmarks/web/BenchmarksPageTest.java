package com.gemmavision.benchmarks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.ReportFixture;
import com.gemmavision.web.WebLayerTest;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebLayerTest
class BenchmarksPageTest {

    @Autowired
    MockMvc mvc;

    private static final Map<Integer, String> FILES = Map.ofEntries(
            Map.entry(6, "t06_it_zero_shot.csv"),
            Map.entry(7, "t07_vision_encoder_resolution.csv"),
            Map.entry(8, "t08_pan_and_scan.csv"),
            Map.entry(9, "t09_pt_factuality_reasoning.csv"),
            Map.entry(10, "t10_pt_stem_code.csv"),
            Map.entry(11, "t11_pt_multimodal.csv"),
            Map.entry(12, "t12_finetuned_multimodal_vs_paligemma2.csv"),
            Map.entry(13, "t13_pt_multilingual.csv"),
            Map.entry(14, "t14_pt_indicgenbench.csv"),
            Map.entry(15, "t15_long_context.csv"),
            Map.entry(16, "t16_it_multimodal.csv"),
            Map.entry(17, "t17_it_video.csv"),
            Map.entry(18, "t18_it_more_benchmarks.csv"));

    private Document page(String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/?" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** The printed values of a seed file: every cell but the label columns (benchmark, model, settings). */
    private static List<String> publishedValues(int table) {
        List<String> values = new ArrayList<>();
        for (CSVRecord row : ReportFixture.seed(FILES.get(table))) {
            row.toMap().forEach((column, value) -> {
                boolean label = List.of("benchmark", "model", "context_tokens", "resolution", "pan_and_scan")
                        .contains(column);
                if (!label && !value.isBlank()) {
                    values.add(value);
                }
            });
        }
        return values;
    }

    @ParameterizedTest(name = "Table {0}")
    @CsvSource({"6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"})
    void everyPublishedValueOfTheTableIsShownAsPrinted(int table) throws Exception {
        Element section = page("table=" + table).getElementById("report-table-" + table);

        assertThat(section).as("section of table " + table).isNotNull();
        List<String> shown = new ArrayList<>(section.select("table.scores td").eachText());
        for (String value : publishedValues(table)) {
            assertThat(shown).as("Table " + table + " shows " + value).contains(value);
            shown.remove(value);
        }
        assertThat(shown).as("cells beyond the published ones are dashes").allMatch(c -> c.equals("—"));
        assertThat(section.select("svg.chart")).isNotEmpty();
    }

    @Test
    void table5ShowsEveryArenaEntryWithItsInterval() throws Exception {
        Element arena = page("table=5").getElementById("arena");
        List<CSVRecord> seed = ReportFixture.seed("t05_chatbot_arena_elo.csv");

        List<Element> rows = arena.select("#arena-table tbody tr:not(.elided)");
        assertThat(rows).hasSize(seed.size());
        for (int i = 0; i < seed.size(); i++) {
            CSVRecord entry = seed.get(i);
            assertThat(rows.get(i).select("td, th").eachText())
                    .startsWith(
                            entry.get("rank"),
                            entry.get("model"),
                            entry.get("elo"),
                            "+" + entry.get("ci_plus") + "/-" + entry.get("ci_minus"));
        }
        assertThat(arena.select("#arena-table tr.elided")).hasSize(1);
        assertThat(arena.text()).contains("preliminary (8 March 2025)");
        assertThat(arena.select("#arena-chart rect.bar > title").eachText())
                .contains("Gemma-3-27B-IT: 1338 (95% CI +8 / -9)");
    }

    @Test
    void theOpenModelsFilterKeepsOnlyOpenWeights() throws Exception {
        Element arena = page("bench=arena&arenaOpen=true").getElementById("arena");

        assertThat(arena.select("#arena-table tbody tr:not(.elided) th").eachText())
                .containsExactly(
                        "DeepSeek-R1",
                        "Gemma-3-27B-IT",
                        "DeepSeek-V3",
                        "Meta-Llama-3.1-405B-Instruct-bf16",
                        "Llama-3.3-70B-Instruct",
                        "Qwen2.5-72B-Instruct",
                        "Gemma-2-27B-it");
    }

    @Test
    void selectedGemma3ColumnsAreEmphasisedAndCharted() throws Exception {
        Element table6 = page("model=Gemma3-4B-IT&bench=zero-shot").getElementById("report-table-6");

        assertThat(table6.select("thead th.emphasised").eachText()).containsExactly("Gemma3-4B-IT");
        // small multiples: one panel per benchmark, the selected size emphasised, the other families muted
        Element mmluPro = table6.selectFirst(".chart.multiples svg.multiple");
        assertThat(mmluPro.selectFirst("text.chart-title").text()).isEqualTo("MMLU-Pro");
        assertThat(mmluPro.select("g.row text.series").eachText())
                .contains("Gemma3-4B-IT", "Gemini-2.0-Pro", "Gemma2-27B-IT")
                .doesNotContain("Gemma3-27B-IT");
        assertThat(mmluPro.select("g.row.emphasised text.series").eachText()).containsExactly("Gemma3-4B-IT");
        assertThat(table6.select(".chart.multiples svg.multiple")).hasSizeGreaterThan(5);
    }

    @Test
    void benchmarkNamesExplainThemselvesOnHover() throws Exception {
        Document page = page("table=16&table=9");

        assertThat(page.select("#report-table-16 abbr[title^=DocVQA]").attr("title"))
                .contains("Questions about scanned document images")
                .doesNotContain("Table 20")
                .contains("Evaluation settings not listed");
        assertThat(page.select("#report-table-9 abbr[title^=BBH]").attr("title"))
                .contains("BIG-Bench Hard")
                .contains("Accuracy, sampling, few-shot, chain-of-thought (Table 19)");
        assertThat(page.select("#report-table-9 abbr[title^=HellaSwag]").attr("title"))
                .contains("10-shot, normalised by Char-Len (Table 19)");
    }

    @Test
    void groupsShowTheirTablesAndTheRadarSaysItIsDerived() throws Exception {
        Document page = page("bench=multimodal&bench=zero-shot&bench=long-context&bench=stem-code");

        for (int table : new int[] {6, 7, 8, 10, 11, 12, 15, 16, 17, 18}) {
            assertThat(page.getElementById("report-table-" + table))
                    .as("table " + table)
                    .isNotNull();
        }
        assertThat(page.getElementById("report-table-9")).isNull();
        assertThat(page.select("#radar-heading").text()).contains("derived");
        assertThat(page.select("#radar .mapping dd").eachText()).contains("Table 10: HumanEval, MBPP");
        assertThat(page.select("#report-table-15").text()).contains("Figure 7").contains("no numbers exist");
        assertThat(page.select("#report-table-8 figcaption .derived")).hasSize(1);
    }

    @Test
    void comparesTwoModelsAndCountsWins() throws Exception {
        Document page = page("compare=Gemma3-4B-IT&compare=Gemma2-27B-IT");

        // MATH and Global MMLU-Lite are printed in Tables 6 and 18 alike: one row each, counted once
        assertThat(page.select("#compare-table tbody tr")).hasSize(21);
        assertThat(page.select("#compare-table tbody tr td:first-child").eachText())
                .contains("6 (also 18)");
        assertThat(page.select(".compare-summary").text())
                .matches(
                        "Gemma3-4B-IT scores higher on \\d+, Gemma2-27B-IT on \\d+, tied on \\d+ of 21 shared benchmarks\\.");
        assertThat(page.select("select[name=compare] option[selected]").eachAttr("value"))
                .containsExactly("Gemma3-4B-IT", "Gemma2-27B-IT");
    }

    @Test
    void unknownGroupsTablesAndComparedModelsAreReportedNeverFatal() throws Exception {
        Document page = page("bench=nope&table=4&table=99&compare=GPT-5&compare=Gemma3-4B-IT");

        assertThat(page.select(".notices li").eachText())
                .hasSize(4)
                .anySatisfy(n -> assertThat(n).contains("nope"))
                .anySatisfy(n -> assertThat(n).contains("“99”"))
                .anySatisfy(n -> assertThat(n).contains("GPT-5"));
        assertThat(page.select("#benchmarks .empty").text()).contains("Tick a benchmark group");
    }

    @Test
    void downloadsEachReportTableAsPrintedAndItsCharts() throws Exception {
        String csv = mvc.perform(get("/tables/report-9.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String svg = mvc.perform(get("/charts/report-15-1.svg"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv)
                .startsWith("Benchmark,Gemma2-2B,Gemma2-9B,Gemma2-27B,Gemma3-1B,Gemma3-4B,Gemma3-12B,Gemma3-27B\r\n")
                .contains("Natural Questions,17.2,29.2,34.7,9.48,20.0,31.4,36.1\r\n");
        assertThat(svg).contains("MRCR score against context length");
        mvc.perform(get("/tables/report-99.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/charts/report-15-7.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/tables/comparison.csv")).andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/tables/comparison.csv?compare=Gemma3-27B&compare=Gemma2-27B"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .startsWith("table,benchmark,setting,Gemma3-27B,Gemma2-27B,");
    }
}
