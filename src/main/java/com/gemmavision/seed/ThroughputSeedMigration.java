package com.gemmavision.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Flyway migration 18: published Gemma 3 decode speeds with their sources, from db/seed. */
@Component
public class ThroughputSeedMigration extends SeedMigration {

    private static final String FILE = "throughput_measurements.csv";

    public ThroughputSeedMigration() {
        super("18", "seed throughput measurements", List.of(FILE));
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO throughput_measurement (id, gpu,"
                + " memory_bandwidth_gb_s, engine, model, quant, batch, context_tokens, decode_tokens_per_s, setup,"
                + " reading, source, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord row : SeedCsv.load(FILE).rows()) {
                insert.setInt(1, Integer.parseInt(row.get("id")));
                insert.setString(2, row.get("gpu"));
                insert.setInt(3, Integer.parseInt(row.get("memory_bandwidth_gb_s")));
                insert.setString(4, row.get("engine"));
                insert.setString(5, row.get("model"));
                insert.setString(6, row.get("quant"));
                insert.setInt(7, Integer.parseInt(row.get("batch")));
                insert.setInt(8, Integer.parseInt(row.get("context_tokens")));
                insert.setBigDecimal(9, new BigDecimal(row.get("decode_tokens_per_s")));
                insert.setString(10, row.get("setup"));
                if (row.get("reading").isBlank()) {
                    insert.setNull(11, Types.VARCHAR);
                } else {
                    insert.setString(11, row.get("reading"));
                }
                insert.setString(12, row.get("source"));
                insert.setString(13, row.get("published"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
