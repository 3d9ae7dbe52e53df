package com.gemmavision;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;

import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.AdvisorPage;
import com.gemmavision.advisor.GpuPresets;
import com.gemmavision.advisor.GpuRepository;
import com.gemmavision.advisor.Sizing;
import com.gemmavision.benchmarks.AbilityRadar;
import com.gemmavision.benchmarks.Arena;
import com.gemmavision.benchmarks.BenchmarkRepository;
import com.gemmavision.benchmarks.BenchmarkScores;
import com.gemmavision.benchmarks.BenchmarkVocabulary;
import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.benchmarks.ModelComparison;
import com.gemmavision.benchmarks.ReportTables;
import com.gemmavision.benchmarks.ScoreRepository;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.CatalogRepository;
import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.catalog.ReportRepository;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRepository;
import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.memory.Table3Reconciliation;
import com.gemmavision.seed.ReportSeedMigration;
import com.gemmavision.seed.ReportTablesSeedMigration;
import com.gemmavision.seed.ThroughputSeedMigration;
import com.gemmavision.seed.VocabularySeedMigration;
import com.gemmavision.seed.WeightFormatSeedMigration;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real migrations and seed on an in-memory H2, migrated once per test JVM, and the feature services over
 * it: what the fast tests use instead of hand-written copies of the report's numbers.
 */
public final class ReportFixture {

    private static DataSource dataSource;

    private ReportFixture() {}

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:report-fixture;DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(h2)
                    .locations("classpath:db/migration")
                    .javaMigrations(
                            new ReportSeedMigration(),
                            new VocabularySeedMigration(),
                            new ReportTablesSeedMigration(),
                            new WeightFormatSeedMigration(),
                            new ThroughputSeedMigration())
                    .load()
                    .migrate();
            dataSource = h2;
        }
        return dataSource;
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    public static Catalog catalog() {
        return new Catalog(new CatalogRepository(jdbc()), new ReportRepository(jdbc()));
    }

    public static QuantizationFormats formats() {
        return new QuantizationFormats(new MemoryRepository(jdbc()));
    }

    public static ModelOverview overview() {
        return new ModelOverview(catalog());
    }

    public static QuantizationComparison quantization() {
        return new QuantizationComparison(catalog(), formats(), new MemoryRepository(jdbc()));
    }

    public static MemoryModel memoryModel() {
        return new MemoryModel(catalog(), formats());
    }

    public static BenchmarkScores scores() {
        return new BenchmarkScores(new ScoreRepository(jdbc()));
    }

    public static GpuPresets gpuPresets() {
        return new GpuPresets(new GpuRepository(jdbc()));
    }

    public static Sizing sizing() {
        return new Sizing(catalog(), memoryModel());
    }

    public static Advisor advisor() {
        return new Advisor(catalog(), formats(), memoryModel(), scores(), sizing());
    }

    public static Table3Reconciliation reconciliation() {
        return new Table3Reconciliation(catalog(), quantization(), formats());
    }

    public static AdvisorPage advisorPage() {
        return new AdvisorPage(advisor(), catalog(), reconciliation());
    }

    public static BenchmarkVocabulary vocabulary() {
        return new BenchmarkVocabulary(new BenchmarkRepository(jdbc()));
    }

    public static ModelComparison comparison() {
        return new ModelComparison(scores());
    }

    public static AbilityRadar radar() {
        return new AbilityRadar(new BenchmarkRepository(jdbc()), scores());
    }

    public static ReportTables reportTables() {
        return new ReportTables(scores(), vocabulary(), catalog());
    }

    public static BenchmarksSection benchmarks() {
        return new BenchmarksSection(
                new Arena(new BenchmarkRepository(jdbc()), catalog()), radar(), reportTables(), comparison());
    }

    /** A seed CSV's rows, read independently of the app's loader, to check the app against. */
    public static List<CSVRecord> seed(String file) {
        try (Reader reader = new InputStreamReader(
                ReportFixture.class.getClassLoader().getResourceAsStream("db/seed/" + file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
