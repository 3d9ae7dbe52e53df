package com.gemmavision.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Flyway migration 16: the download formats (GGUF, QAT, AWQ, FP8) with their bits and sources, from db/seed. */
@Component
public class WeightFormatSeedMigration extends SeedMigration {

    private static final String FILE = "weight_formats.csv";

    public WeightFormatSeedMigration() {
        super("16", "seed weight formats", List.of(FILE));
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO weight_format (code, label, engines,"
                + " body_bits, embedding_bits, vision_bits, upgraded_tensors, upgraded_bits, kept_higher, source,"
                + " sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord row : SeedCsv.load(FILE).rows()) {
                insert.setString(1, row.get("code"));
                insert.setString(2, row.get("label"));
                insert.setString(3, row.get("engines"));
                insert.setBigDecimal(4, new BigDecimal(row.get("body_bits")));
                insert.setBigDecimal(5, new BigDecimal(row.get("embedding_bits")));
                insert.setBigDecimal(6, new BigDecimal(row.get("vision_bits")));
                String upgraded = row.get("upgraded_tensors");
                if (upgraded.isBlank()) {
                    insert.setNull(7, Types.VARCHAR);
                    insert.setNull(8, Types.DECIMAL);
                } else {
                    insert.setString(7, upgraded);
                    insert.setBigDecimal(8, new BigDecimal(row.get("upgraded_bits")));
                }
                insert.setString(9, row.get("kept_higher"));
                insert.setString(10, row.get("source"));
                insert.setInt(11, Integer.parseInt(row.get("sort_order")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
