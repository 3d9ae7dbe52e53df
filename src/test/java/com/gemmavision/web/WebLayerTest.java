package com.gemmavision.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.gemmavision.ReportFixture;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.AdvisorPage;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.Sizing;
import com.gemmavision.advisor.web.AdvisorProperties;
import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.benchmarks.ModelComparison;
import com.gemmavision.benchmarks.web.BenchmarksSidebar;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.catalog.web.CatalogSidebar;
import com.gemmavision.catalog.web.MarkdownContent;
import com.gemmavision.database.CacheProperties;
import com.gemmavision.database.Caches;
import com.gemmavision.database.Checkpoint;
import com.gemmavision.database.ServerKeys;
import com.gemmavision.documents.DecodeBudget;
import com.gemmavision.documents.DocumentProperties;
import com.gemmavision.documents.DocumentTokens;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.OcrConfiguration;
import com.gemmavision.documents.PixelDecoder;
import com.gemmavision.documents.intake.DocumentContent;
import com.gemmavision.documents.intake.FreeSpace;
import com.gemmavision.documents.intake.PdfPasswords;
import com.gemmavision.documents.llm.AskGemma;
import com.gemmavision.documents.llm.LlmProperties;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.text.Ocr;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.memory.Table3Reconciliation;
import com.gemmavision.memory.web.QuantizationSidebar;
import com.gemmavision.tokens.GemmaTokenizer;
import com.gemmavision.tokens.TokenProperties;
import com.gemmavision.web.http.SecurityConfig;
import com.gemmavision.web.page.HomeController;
import com.gemmavision.web.page.PageModel;
import com.gemmavision.web.page.PdfReports;
import com.gemmavision.web.page.RenderedFragments;
import com.gemmavision.web.page.ReportProperties;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Forms;
import com.gemmavision.web.selection.SelectionProperties;
import com.gemmavision.web.selection.SelectionResolver;
import com.gemmavision.web.selection.SelectionSession;
import com.gemmavision.web.selection.SessionStarts;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.workload.MeasurementRepository;
import com.gemmavision.workload.Workloads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The MVC slice: the shared web package, every feature's web package (controllers, page sections, their
 * helpers: found by scanning, not listed), templates and security, with the feature services running on the
 * seeded in-memory report database (no full application context, no HTTP server).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = HomeController.class)
@Import(WebLayerTest.Services.class)
public @interface WebLayerTest {

    @TestConfiguration
    @EnableConfigurationProperties({
        SelectionProperties.class,
        CacheProperties.class,
        AdvisorProperties.class,
        DocumentProperties.class,
        LlmProperties.class,
        ReportProperties.class,
        TokenProperties.class
    })
    @Import({
        Caches.class,
        SecurityConfig.class,
        CurrentSelection.class,
        Forms.class,
        SelectionResolver.class,
        SelectionSession.class,
        SessionStarts.class,
        PageModel.class,
        MarkdownContent.class,
        CatalogSidebar.class,
        QuantizationSidebar.class,
        BenchmarksSidebar.class,
        BenchmarksSidebar.Groups.class,
        BenchmarksSidebar.Tables.class,
        BenchmarksSidebar.Compared.class,
        RenderedFragments.class,
        PdfReports.class,
        GemmaTokenizer.class,
        Ocr.class,
        OcrConfiguration.class,
        DocumentTokens.class,
        DocumentOwner.class
    })
    @ComponentScan(
            basePackages = {
                "com.gemmavision.catalog.web",
                "com.gemmavision.memory.web",
                "com.gemmavision.benchmarks.web",
                "com.gemmavision.advisor.web",
                "com.gemmavision.workload.web",
                "com.gemmavision.documents.web"
            })
    class Services {

        @Bean
        ServerKeys serverKeys() {
            return new ServerKeys(ReportFixture.jdbc());
        }

        @Bean
        FieldCorrections fieldCorrections() {
            return new FieldCorrections(new DocumentRepository(ReportFixture.jdbc()));
        }

        @Bean
        Catalog catalog() {
            return ReportFixture.catalog();
        }

        @Bean
        QuantizationFormats quantizationFormats() {
            return ReportFixture.formats();
        }

        @Bean
        ModelOverview modelOverview() {
            return ReportFixture.overview();
        }

        @Bean
        QuantizationComparison quantizationComparison() {
            return ReportFixture.quantization();
        }

        @Bean
        MemoryModel memoryModel() {
            return ReportFixture.memoryModel();
        }

        @Bean
        GpuPresets gpuPresets() {
            return ReportFixture.gpuPresets();
        }

        @Bean
        Advisor advisor() {
            return ReportFixture.advisor();
        }

        @Bean
        Sizing sizing() {
            return ReportFixture.sizing();
        }

        @Bean
        AdvisorPage advisorPage() {
            return ReportFixture.advisorPage();
        }

        @Bean
        Table3Reconciliation table3Reconciliation() {
            return ReportFixture.reconciliation();
        }

        @Bean
        Checkpoint checkpoint() {
            return new Checkpoint(ReportFixture.dataSource());
        }

        @Bean
        Documents documents(DocumentProperties properties) {
            return new Documents(
                    new DocumentRepository(ReportFixture.jdbc()),
                    new DocumentContent(ReportFixture.jdbc()),
                    properties,
                    new PdfPasswords(properties),
                    new JdbcTransactionManager(ReportFixture.dataSource()),
                    new Checkpoint(ReportFixture.dataSource()),
                    new FreeSpace(properties, ""));
        }

        @Bean
        AskGemma askGemma(LlmProperties properties, DocumentProperties documentProperties) {
            return new AskGemma(
                    properties,
                    new DocumentRepository(ReportFixture.jdbc()),
                    new DocumentContent(ReportFixture.jdbc()),
                    new PdfPasswords(documentProperties),
                    new PixelDecoder(new DecodeBudget(documentProperties), documentProperties),
                    null);
        }

        @Bean
        Workloads workloads() {
            return new Workloads(
                    ReportFixture.catalog(),
                    ReportFixture.memoryModel(),
                    new MeasurementRepository(ReportFixture.jdbc()),
                    ReportFixture.sizing());
        }

        @Bean
        ModelComparison modelComparison() {
            return ReportFixture.comparison();
        }

        @Bean
        BenchmarksSection benchmarksSection() {
            return ReportFixture.benchmarks();
        }
    }
}
