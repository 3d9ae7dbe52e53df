package com.gemmavision.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2: loads the report's CSVs from {@code db/seed} into the tidy tables of migration 1.
 * Cells are stored as printed, so the app can show every number exactly as the report publishes it.
 * The checksum covers the seed files: editing one without a new migration fails Flyway's validation.
 */
@Component
public class ReportSeedMigration extends SeedMigration {

    /** Report tables with one benchmark per row and one model per column (after any setting column). */
    private static final Map<String, Integer> WIDE_TABLES = Map.ofEntries(
            Map.entry("t06_it_zero_shot.csv", 6),
            Map.entry("t09_pt_factuality_reasoning.csv", 9),
            Map.entry("t10_pt_stem_code.csv", 10),
            Map.entry("t11_pt_multimodal.csv", 11),
            Map.entry("t12_finetuned_multimodal_vs_paligemma2.csv", 12),
            Map.entry("t13_pt_multilingual.csv", 13),
            Map.entry("t14_pt_indicgenbench.csv", 14),
            Map.entry("t16_it_multimodal.csv", 16),
            Map.entry("t17_it_video.csv", 17),
            Map.entry("t18_it_more_benchmarks.csv", 18));

    /** Table 7's rows are resolutions of one ablation model, which the report names only in its caption. */
    static final String TABLE7_MODEL = "2B (short schedule)";

    private static final List<String> FILES = List.of(
            "architecture.csv",
            "t02_training_infrastructure.csv",
            "t01_parameter_counts.csv",
            "model_variants.csv",
            "quantization_formats.csv",
            "t03_memory_footprint_gb.csv",
            "t05_chatbot_arena_elo.csv",
            "t06_it_zero_shot.csv",
            "t07_vision_encoder_resolution.csv",
            "t08_pan_and_scan.csv",
            "t09_pt_factuality_reasoning.csv",
            "t10_pt_stem_code.csv",
            "t11_pt_multimodal.csv",
            "t12_finetuned_multimodal_vs_paligemma2.csv",
            "t13_pt_multilingual.csv",
            "t14_pt_indicgenbench.csv",
            "t15_long_context.csv",
            "t16_it_multimodal.csv",
            "t17_it_video.csv",
            "t18_it_more_benchmarks.csv",
            "t19_21_evaluation_settings.csv",
            "gpu_presets.csv");

    public ReportSeedMigration() {
        super("2", "seed report data", FILES);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        seedArchitecture(db);
        seedTraining(db);
        copy(
                db,
                "t01_parameter_counts.csv",
                "parameter_count",
                "model",
                "vision_encoder_params_m",
                "embedding_params_m",
                "non_embedding_params_m");
        copy(db, "model_variants.csv", "model_variant", "name", "base_model", "variant", "listed", "sort_order");
        copy(
                db,
                "quantization_formats.csv",
                "quantization_format",
                "code",
                "label",
                "report_column",
                "description",
                "sort_order");
        seedMemoryFootprints(db);
        seedArena(db);
        WIDE_TABLES.forEach((file, table) -> seedWideTable(db, file, table, 1));
        seedWideTable(db, "t15_long_context.csv", 15, 2);
        seedResolutionAblation(db);
        seedPanAndScan(db);
        seedEvaluationSettings(db);
        seedGpuPresets(db);
    }

    private void seedArchitecture(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("architecture.csv");
        List<String> columns = new ArrayList<>(csv.header());
        columns.add("size_label");
        columns.add("sort_order");
        try (PreparedStatement insert = db.prepareStatement(insertSql("architecture", columns))) {
            int order = 0;
            for (CSVRecord row : csv.rows()) {
                int i = 1;
                for (String column : csv.header()) {
                    bind(insert, i++, row.get(column));
                }
                insert.setString(i++, row.get("model").substring("Gemma3-".length()));
                insert.setInt(i, ++order);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void seedTraining(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("t02_training_infrastructure.csv");
        copy(db, csv, "training_infrastructure", csv.header().toArray(String[]::new));
    }

    private void seedMemoryFootprints(Connection db) throws SQLException {
        SeedCsv formats = SeedCsv.load("quantization_formats.csv");
        SeedCsv csv = SeedCsv.load("t03_memory_footprint_gb.csv");
        String sql =
                "INSERT INTO memory_footprint (model, quant, includes_kv_cache, gb_text, gb) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (CSVRecord row : csv.rows()) {
                for (CSVRecord format : formats.rows()) {
                    String printed = row.get(format.get("report_column"));
                    insert.setString(1, row.get("model"));
                    insert.setString(2, format.get("code"));
                    insert.setBoolean(3, Boolean.parseBoolean(row.get("includes_kv_cache")));
                    insert.setString(4, printed);
                    insert.setBigDecimal(5, new BigDecimal(printed));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void seedArena(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("t05_chatbot_arena_elo.csv");
        String sql = "INSERT INTO arena_entry (position, arena_rank, model, elo, ci_plus, ci_minus, open_weights,"
                + " architecture_kind, params_total, params_activated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            int position = 0;
            for (CSVRecord row : csv.rows()) {
                insert.setInt(1, ++position);
                bind(insert, 2, row.get("rank"));
                insert.setString(3, row.get("model"));
                bind(insert, 4, row.get("elo"));
                bind(insert, 5, row.get("ci_plus"));
                bind(insert, 6, row.get("ci_minus"));
                String open = row.get("open_weights");
                if (open.isEmpty()) {
                    insert.setNull(7, Types.BOOLEAN);
                } else {
                    insert.setBoolean(7, open.equals("yes"));
                }
                bind(insert, 8, row.get("architecture"));
                bind(insert, 9, row.get("params_total"));
                bind(insert, 10, row.get("params_activated"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Melts a benchmark-by-model table into one row per published cell; empty cells are not published. */
    private void seedWideTable(Connection db, String file, int table, int firstModelColumn) {
        SeedCsv csv = SeedCsv.load(file);
        try (PreparedStatement insert = db.prepareStatement(SCORE_SQL)) {
            int rowOrder = 0;
            for (CSVRecord row : csv.rows()) {
                rowOrder++;
                String setting = firstModelColumn > 1 ? row.get(1) : "";
                for (int c = firstModelColumn; c < csv.header().size(); c++) {
                    addScore(insert, table, row.get(0), csv.header().get(c), setting, row.get(c), rowOrder, c);
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed " + file, e);
        }
    }

    private void seedResolutionAblation(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("t07_vision_encoder_resolution.csv");
        try (PreparedStatement insert = db.prepareStatement(SCORE_SQL)) {
            for (int c = 1; c < csv.header().size(); c++) {
                for (CSVRecord row : csv.rows()) {
                    addScore(insert, 7, csv.header().get(c), TABLE7_MODEL, row.get("resolution"), row.get(c), c, (int)
                            row.getRecordNumber());
                }
            }
            insert.executeBatch();
        }
    }

    private void seedPanAndScan(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("t08_pan_and_scan.csv");
        try (PreparedStatement insert = db.prepareStatement(SCORE_SQL)) {
            for (int c = 2; c < csv.header().size(); c++) {
                for (CSVRecord row : csv.rows()) {
                    addScore(
                            insert,
                            8,
                            csv.header().get(c),
                            row.get("model"),
                            row.get("pan_and_scan"),
                            row.get(c),
                            c - 1,
                            (int) row.getRecordNumber());
                }
            }
            insert.executeBatch();
        }
    }

    private static final String SCORE_SQL = "INSERT INTO benchmark_score (source_table, benchmark, model, setting,"
            + " value_text, score, row_order, column_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static void addScore(
            PreparedStatement insert,
            int table,
            String benchmark,
            String model,
            String setting,
            String printed,
            int rowOrder,
            int columnOrder)
            throws SQLException {
        if (printed.isBlank()) {
            return;
        }
        insert.setInt(1, table);
        insert.setString(2, benchmark);
        insert.setString(3, model);
        insert.setString(4, setting);
        insert.setString(5, printed);
        insert.setBigDecimal(6, new BigDecimal(printed));
        insert.setInt(7, rowOrder);
        insert.setInt(8, columnOrder);
        insert.addBatch();
    }

    private void seedEvaluationSettings(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("t19_21_evaluation_settings.csv");
        String sql = "INSERT INTO evaluation_setting (source_table, model_kind, benchmark, metric, eval_type, n_shot,"
                + " chain_of_thought, normalization) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (CSVRecord row : csv.rows()) {
                bind(insert, 1, row.get("source_table"));
                insert.setString(2, row.get("model_kind"));
                insert.setString(3, row.get("benchmark"));
                insert.setString(4, row.get("metric"));
                insert.setString(5, row.get("type"));
                insert.setString(6, row.get("n_shot"));
                insert.setBoolean(7, row.get("chain_of_thought").equals("yes"));
                bind(insert, 8, row.get("normalization"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void seedGpuPresets(Connection db) throws SQLException {
        SeedCsv csv = SeedCsv.load("gpu_presets.csv");
        List<String> columns = new ArrayList<>(csv.header());
        columns.add("sort_order");
        try (PreparedStatement insert = db.prepareStatement(insertSql("gpu_preset", columns))) {
            int order = 0;
            for (CSVRecord row : csv.rows()) {
                int i = 1;
                for (String column : csv.header()) {
                    bind(insert, i++, row.get(column));
                }
                insert.setInt(i, ++order);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void copy(Connection db, String file, String table, String... columns) throws SQLException {
        copy(db, SeedCsv.load(file), table, columns);
    }

    /** Copies the named CSV columns into the same-named table columns. */
    private void copy(Connection db, SeedCsv csv, String table, String... columns) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(insertSql(table, List.of(columns)))) {
            for (CSVRecord row : csv.rows()) {
                for (int i = 0; i < columns.length; i++) {
                    bind(insert, i + 1, row.get(columns[i]));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String insertSql(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /**
     * Binds a CSV cell with the type its text has (PostgreSQL, unlike H2, does not convert text to numbers);
     * empty cells are NULL: the report printed "-" there.
     */
    private static void bind(PreparedStatement statement, int index, String cell) throws SQLException {
        if (cell == null || cell.isEmpty()) {
            statement.setNull(index, Types.NULL);
        } else if (cell.equals("true") || cell.equals("false")) {
            statement.setBoolean(index, Boolean.parseBoolean(cell));
        } else if (cell.matches("-?\\d{1,18}")) {
            statement.setLong(index, Long.parseLong(cell));
        } else {
            statement.setString(index, cell);
        }
    }
}
