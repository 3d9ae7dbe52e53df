package com.gemmavision.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The PDF report's page, without a server: what it keeps of a fragment, and its answer when busy. */
class PdfReportsTest {

    private final PdfReports reports = new PdfReports(null, new ReportProperties(1, Duration.ofSeconds(1)));

    private static final PdfReports.Heading HEADING =
            new PdfReports.Heading("A <view>", "Gemma3-4B-IT · int4", "http://intranet/?model=Gemma3-4B-IT");

    @Test
    void keepsTablesChartsAndNotesAndDropsWhatOnlyWorksOnScreen() {
        Document report = reports.document(
                HEADING,
                "<title>x</title><section><h2>Memory</h2><table><tr><td>8.0</td></tr></table>"
                        + "<details><summary>Report tables</summary><p>hidden part</p></details>"
                        + "<form><button>Generate</button></form><p class=\"downloads\"><a download>CSV</a></p>"
                        + "<div class=\"chart\"><svg viewBox=\"0 0 10 10\"><rect/></svg></div></section>",
                OffsetDateTime.of(2026, 11, 28, 9, 30, 0, 0, ZoneOffset.UTC));

        assertThat(report.title()).isEqualTo("A <view>");
        assertThat(report.selectFirst("h1").text()).isEqualTo("A <view>");
        assertThat(report.selectFirst(".meta").text())
                .isEqualTo("Generated 2026-11-28 09:30 UTC · Open this view: http://intranet/?model=Gemma3-4B-IT");
        assertThat(report.select("main table td").text()).isEqualTo("8.0");
        assertThat(report.select("main").text()).contains("hidden part").doesNotContain("Generate", "CSV");
        assertThat(report.select("main form, main button, main title, main details"))
                .isEmpty();
        assertThat(report.selectFirst("main svg").attr("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(report.selectFirst("footer").text()).contains("arXiv:2503.19786v1");
    }

    /**
     * Issue 30.8: the fields table's Correct column held only forms, so on paper it is gone and the evidence gets
     * its room; a row spanning it (a field not found) keeps its place. A table of many columns prints in the smaller
     * type whose columns fit the page without cutting a number.
     */
    @Test
    void aColumnOnlyTheScreenFillsIsDroppedAndWideTablesGetTheSmallerType() {
        Document report = reports.document(
                HEADING,
                "<table><thead><tr><th>Field</th><th>Value</th><th>Evidence</th><th>Correct</th></tr></thead>"
                        + "<tbody><tr><th>Total</th><td>12.00</td><td>Total 12,00 EUR</td>"
                        + "<td><form><input name=value><button>Save</button></form></td></tr>"
                        + "<tr><th>Number</th><td><em>not found</em></td><td colspan=\"2\">Nothing read</td></tr>"
                        + "</tbody></table>"
                        + "<table id=\"options\"><tr>" + "<th>c</th>".repeat(12) + "</tr><tr>"
                        + "<td class=\"num\">131,072</td>".repeat(12) + "</tr></table>",
                OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.UTC));

        assertThat(report.select("main table").first().select("thead th").eachText())
                .containsExactly("Field", "Value", "Evidence");
        assertThat(report.select("main table")
                        .first()
                        .select("tbody tr")
                        .get(0)
                        .children()
                        .eachText())
                .containsExactly("Total", "12.00", "Total 12,00 EUR");
        assertThat(report.selectFirst("main td[colspan]").attr("colspan")).isEqualTo("1");
        assertThat(report.selectFirst("#options").hasClass("wide")).isTrue();
        assertThat(report.select("main table").first().hasClass("wide")).isFalse();
        assertThat(report.select("style").html())
                .contains("table-layout: auto")
                .contains("td.num { white-space: nowrap; }")
                .doesNotContain("word-wrap: break-word");
    }

    @Test
    void formulasKeepTheirSubscriptsAndSmallMultiplesSitSideBySide() {
        Document report = reports.document(
                HEADING,
                "<math display=\"block\"><mrow><msub><mi>P</mi><mi>T</mi></msub><mo>=</mo>"
                        + "<msub><mi>P</mi><mrow><mi>N</mi><mi>E</mi></mrow></msub></mrow></math>"
                        + "<div class=\"chart multiples\"><svg id=\"a\"></svg><svg id=\"b\"></svg></div>",
                OffsetDateTime.of(2026, 11, 28, 9, 30, 0, 0, ZoneOffset.UTC));

        assertThat(report.select("main math")).isEmpty();
        assertThat(report.selectFirst("main p.math").text()).isEqualTo("PT = PNE");
        assertThat(report.select("main p.math sub").eachText()).containsExactly("T", "NE");
        assertThat(report.select("main .chart.multiples > .multiple > svg").eachAttr("id"))
                .containsExactly("a", "b");
    }

    @Test
    void aBusyServerSaysSoWith503InsteadOfQueueingForever() throws Exception {
        PdfReports full = new PdfReports(null, new ReportProperties(0, Duration.ofMillis(10)));

        ResponseEntity<byte[]> answer = full.fragment("x.pdf", HEADING, "view", model -> {}, null, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).contains("busy making other PDF reports");
    }
}
