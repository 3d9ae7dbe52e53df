package com.gemmavision.web.page;

import static com.gemmavision.documents.DocumentPolling.finished;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.DocumentPolling;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The PDF reports of the main page, the advisor and a document, read back with PDFBox. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pdf-reports;DB_CLOSE_DELAY=-1")
class PdfReportTest {

    @LocalServerPort
    int port;

    private record Pdf(int status, String contentType, String disposition, String text, int pages, int images) {}

    private Pdf pdf(AppClient client, String path) throws IOException {
        HttpResponse<byte[]> response = bytes(client, path);
        if (response.statusCode() != 200) {
            return new Pdf(response.statusCode(), "", "", "", 0, 0);
        }
        try (PDDocument document = Loader.loadPDF(response.body())) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            return new Pdf(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""),
                    new PDFTextStripper().getText(document).replaceAll("\\s+", " "),
                    document.getNumberOfPages(),
                    images);
        }
    }

    private HttpResponse<byte[]> bytes(AppClient client, String path) {
        try {
            return HttpClient.newBuilder()
                    .cookieHandler(client.cookies())
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMainPageReportHasTheViewsTablesSourcesAndLink() throws IOException {
        Pdf pdf = pdf(new AppClient(port), "/report.pdf?model=Gemma3-27B-IT&quant=sfp8&kv=true&bench=arena");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).contains("attachment").contains("gemma3-overview.pdf");
        assertThat(pdf.text())
                .contains("Gemma 3 models, quantization and benchmarks")
                .contains("Gemma3-27B-IT · sfp8 · with KV cache · arena")
                .contains("46.1") // Table 3: 27B, SFP8, with KV cache
                .contains("1338") // Table 5: Gemma-3-27B-IT's Elo
                .contains("derived")
                .contains("arXiv:2503.19786v1")
                .doesNotContain("Hover")
                .doesNotContain("Download CSV")
                .doesNotContain("Generate Visualizations");
        // a long link may wrap in the PDF; its characters are all there
        assertThat(pdf.text().replace(" ", ""))
                .contains("http://localhost:" + port + "/?model=Gemma3-27B-IT&quant=sfp8&kv=true&bench=arena");
        // the charts are drawn as vectors, not pasted in as pictures
        assertThat(pdf.images()).isZero();
    }

    /**
     * Charts print at about their own size beside the tables: a two-model memo took many pages when every chart,
     * each small multiple too, was stretched to the page's width, its labels at about 18 pt.
     */
    @Test
    void chartsPrintAtTheirOwnSizeSoATwoModelMemoStaysShort() throws IOException {
        Pdf pdf = pdf(
                new AppClient(port),
                "/report.pdf?model=Gemma3-4B-IT&model=Gemma3-27B-IT&bench=arena&bench=zero-shot&bench=multimodal"
                        + "&bench=long-context&bench=stem-code");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.text()).contains("MMLU-Pro").contains("HiddenMath").contains("Gemma3-27B-IT");
        // 32 pages with every chart and each small multiple stretched to the page's width; 18 at their own size
        assertThat(pdf.pages()).isLessThanOrEqualTo(20);
    }

    /** The parameter formula keeps its subscripts on paper: each one smaller and lower than its P. */
    @Test
    void theFormulaKeepsItsSubscripts() throws IOException {
        HttpResponse<byte[]> response = bytes(new AppClient(port), "/report.pdf?model=Gemma3-4B-IT");
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(response.body())) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.stream().filter(g -> !g.getUnicode().isBlank()).forEach(glyphs::add);
                }
            }.getText(document);
        }
        // the formula's letters, operators aside: "P_T = P_V + P_E + P_NE" (without MathML, "PT=PV+PE+PNE" all in one
        // size)
        List<TextPosition> letters = glyphs.stream()
                .filter(g -> Character.isLetter(g.getUnicode().charAt(0)))
                .toList();
        String text = letters.stream().map(TextPosition::getUnicode).reduce("", String::concat);
        int at = text.indexOf("PTPVPEPNE");
        assertThat(at).isNotNegative();
        for (int subscript : new int[] {1, 3, 5, 7, 8}) {
            TextPosition p = letters.get(at + (subscript == 8 ? 6 : subscript - 1));
            TextPosition sub = letters.get(at + subscript);
            assertThat(sub.getFontSizeInPt()).isLessThan(p.getFontSizeInPt());
            assertThat(sub.getYDirAdj()).isGreaterThan(p.getYDirAdj());
        }
    }

    @Test
    void theAdvisorReportNamesItsInputsAndRecommendation() throws IOException {
        Pdf pdf = pdf(new AppClient(port), "/advisor/report.pdf?gpu=NVIDIA%20L4&context=131072&batch=2");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.text())
                .contains("Deployment advice: NVIDIA L4 · 131,072 tokens × 2 · Ideal")
                .contains("Recommendation")
                .contains("Every model and format on NVIDIA L4")
                .contains("/advisor?model=")
                // the memo says what the advice assumed, not the unrelated sidebar selection
                .contains("KV cache bf16 · ranked by DocVQA")
                // every quality column of the options table is printed, none cut at the margin
                .contains("InfoVQA", "ChartQA", "MMLU-Pro")
                // and nothing that only makes sense on a screen
                .doesNotContain("Hover");
        Pdf vllm = pdf(new AppClient(port), "/advisor/report.pdf?gpu=NVIDIA%20L4&context=32k&engine=vllm");
        assertThat(vllm.text()).contains("Deployment advice: NVIDIA L4 · 32,768 tokens × 1 · vLLM");
    }

    @Test
    void aDocumentReportIsForItsOwnerOnly() throws IOException {
        AppClient owner = new AppClient(port);
        owner.get("/");
        String id = DocumentPolling.acceptedId(owner.upload(
                "/documents",
                Map.of("rechnung.pdf", TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS)),
                "Accept",
                "application/json"));
        DocumentPolling.waitFor(owner, id, d -> finished(d), Duration.ofSeconds(60));

        Pdf pdf = pdf(owner, "/documents/" + id + "/report.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.disposition()).contains("rechnung-report.pdf");
        assertThat(pdf.text())
                .contains("rechnung.pdf")
                .contains("RE-2024-0042")
                .contains("Müller Bürobedarf GmbH")
                .contains("357,00");
        assertThat(pdf(new AppClient(port), "/documents/" + id + "/report.pdf").status())
                .isEqualTo(404);
    }

    @Test
    void aLongDocumentsReportPrintsTheFirstPagesTextOnly() throws IOException {
        AppClient owner = new AppClient(port);
        owner.get("/");
        String id = DocumentPolling.acceptedId(owner.upload(
                "/documents", Map.of("annual-report.pdf", TestPdfs.report(12)), "Accept", "application/json"));
        DocumentPolling.waitFor(owner, id, d -> finished(d), Duration.ofSeconds(60));

        Pdf pdf = pdf(owner, "/documents/" + id + "/report.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.text())
                .contains("The text of the first 5 of 12 pages; all of it is in the document's JSON.")
                .contains("Annual Report 2024, page 5")
                .doesNotContain("Annual Report 2024, page 6");
    }
}
