package com.gemmavision.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.ReportFixture;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReportSeedMigrationTest {

    private final JdbcClient jdbc = ReportFixture.jdbc();

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    @ParameterizedTest(name = "Table {1} from {0}")
    @CsvSource({
        "t06_it_zero_shot.csv, 6, 1",
        "t09_pt_factuality_reasoning.csv, 9, 1",
        "t10_pt_stem_code.csv, 10, 1",
        "t11_pt_multimodal.csv, 11, 1",
        "t12_finetuned_multimodal_vs_paligemma2.csv, 12, 1",
        "t13_pt_multilingual.csv, 13, 1",
        "t14_pt_indicgenbench.csv, 14, 1",
        "t15_long_context.csv, 15, 2",
        "t16_it_multimodal.csv, 16, 1",
        "t17_it_video.csv, 17, 1",
        "t18_it_more_benchmarks.csv, 18, 1",
        "t07_vision_encoder_resolution.csv, 7, 1",
        "t08_pan_and_scan.csv, 8, 2"
    })
    void everyPublishedCellIsSeededAsPrinted(String file, int table, int firstValueColumn) {
        List<CSVRecord> rows = ReportFixture.seed(file);
        long published = 0;
        for (CSVRecord row : rows) {
            for (int c = firstValueColumn; c < row.size(); c++) {
                if (!row.get(c).isBlank()) {
                    published++;
                    assertThat(count(
                                    "SELECT COUNT(*) FROM benchmark_score WHERE source_table = ? AND value_text = ?",
                                    table,
                                    row.get(c)))
                            .as(file + " " + row.get(0) + " " + row.get(c))
                            .isPositive();
                }
            }
        }
        assertThat(count("SELECT COUNT(*) FROM benchmark_score WHERE source_table = ?", table))
                .isEqualTo(published);
    }

    @Test
    void keepsPrintedPrecisionAndLeavesUnpublishedCellsOut() {
        assertThat(jdbc.sql(
                                "SELECT value_text FROM benchmark_score WHERE source_table = 9 AND benchmark = 'Natural Questions'"
                                        + " AND model = 'Gemma3-1B'")
                        .query(String.class)
                        .single())
                .isEqualTo("9.48");
        assertThat(count("SELECT COUNT(*) FROM benchmark_score WHERE source_table = 6 AND benchmark = 'MMMU (val)'"
                        + " AND model = 'Gemma2-2B-IT'"))
                .isZero();
        assertThat(jdbc.sql("SELECT setting FROM benchmark_score WHERE source_table = 15 AND benchmark = 'RULER'"
                                + " AND model = 'Gemma3-27B-IT' AND value_text = '66.0'")
                        .query(String.class)
                        .single())
                .isEqualTo("131072");
    }

    @Test
    void seedsTheOtherTables() {
        assertThat(count("SELECT COUNT(*) FROM arena_entry"))
                .isEqualTo(ReportFixture.seed("t05_chatbot_arena_elo.csv").size());
        assertThat(count("SELECT COUNT(*) FROM evaluation_setting"))
                .isEqualTo(ReportFixture.seed("t19_21_evaluation_settings.csv").size());
        assertThat(count("SELECT COUNT(*) FROM gpu_preset"))
                .isEqualTo(ReportFixture.seed("gpu_presets.csv").size());
        assertThat(count("SELECT COUNT(*) FROM memory_footprint")).isEqualTo(8 * 4);
        assertThat(count("SELECT COUNT(*) FROM gpu_preset WHERE bf16_dense_tflops IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM arena_entry WHERE open_weights IS NULL"))
                .isEqualTo(18);
    }

    @Test
    void theChecksumCoversTheSeedFiles() {
        ReportSeedMigration migration = new ReportSeedMigration();

        assertThat(migration.getChecksum())
                .isEqualTo(new ReportSeedMigration().getChecksum())
                .isNotZero();
        assertThat(migration.getVersion().getVersion()).isEqualTo("2");
    }
}
