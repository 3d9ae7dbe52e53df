package com.gemmavision.benchmarks;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published scores of the report's tables 6 to 18, as printed. */
@Repository
public class ScoreRepository {

    private final JdbcClient jdbc;

    public ScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Score> table(int sourceTable) {
        return jdbc.sql("""
                SELECT source_table AS sourceTable, benchmark, model, setting, value_text AS valueText, score,
                       row_order AS rowOrder, column_order AS columnOrder
                FROM benchmark_score WHERE source_table = ? ORDER BY row_order, column_order, setting""")
                .param(sourceTable).query(Score.class).list();
    }

    public List<Score> all() {
        return jdbc.sql("""
                SELECT source_table AS sourceTable, benchmark, model, setting, value_text AS valueText, score,
                       row_order AS rowOrder, column_order AS columnOrder
                FROM benchmark_score ORDER BY source_table, row_order, column_order, setting""")
                .query(Score.class).list();
    }

    /** One published cell. */
    public record Score(int sourceTable, String benchmark, String model, String setting, String valueText,
                        BigDecimal score, int rowOrder, int columnOrder) {
    }
}
