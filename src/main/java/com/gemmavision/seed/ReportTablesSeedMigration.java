package com.gemmavision.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Flyway migration 11: the report's table captions and the facts its notes state, from db/seed. */
@Component
public class ReportTablesSeedMigration extends SeedMigration {

    private static final List<String> FILES = List.of("report_tables.csv", "report_facts.csv");

    public ReportTablesSeedMigration() {
        super("11", "seed report tables", FILES);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO report_table (table_number, title, caption) VALUES (?, ?, ?)")) {
            for (CSVRecord row : SeedCsv.load("report_tables.csv").rows()) {
                insert.setInt(1, Integer.parseInt(row.get("table_number")));
                insert.setString(2, row.get("title"));
                insert.setString(3, row.get("caption"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO report_fact (name, fact, source) VALUES (?, ?, ?)")) {
            for (CSVRecord row : SeedCsv.load("report_facts.csv").rows()) {
                insert.setString(1, row.get("name"));
                insert.setString(2, row.get("value"));
                insert.setString(3, row.get("source"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
