package com.gemmavision.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Flyway migration 5: benchmark descriptions and the radar chart's axis mapping, from db/seed. */
@Component
public class VocabularySeedMigration extends SeedMigration {

    private static final List<String> FILES = List.of("benchmark_descriptions.csv", "radar_axes.csv");

    public VocabularySeedMigration() {
        super("5", "seed benchmark vocabulary", FILES);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO benchmark_description (benchmark, description) VALUES (?, ?)")) {
            for (CSVRecord row : SeedCsv.load("benchmark_descriptions.csv").rows()) {
                insert.setString(1, row.get("benchmark"));
                insert.setString(2, row.get("description"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO radar_axis_benchmark"
                + " (axis, axis_order, source_table, benchmark) VALUES (?, ?, ?, ?)")) {
            for (CSVRecord row : SeedCsv.load("radar_axes.csv").rows()) {
                insert.setString(1, row.get("axis"));
                insert.setInt(2, Integer.parseInt(row.get("axis_order")));
                insert.setInt(3, Integer.parseInt(row.get("source_table")));
                insert.setString(4, row.get("benchmark"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
