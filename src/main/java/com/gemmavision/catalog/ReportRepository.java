package com.gemmavision.catalog;

import java.util.Map;
import java.util.stream.Collectors;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report's table captions and the facts its notes state (db/seed), read once into the report cache. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class ReportRepository {

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every captioned table by its number. */
    @Cacheable
    public Map<Integer, ReportTableCaption> captions() {
        return jdbc
                .sql("SELECT table_number AS number, title, caption FROM report_table ORDER BY table_number")
                .query(ReportTableCaption.class)
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(ReportTableCaption::number, c -> c));
    }

    @Cacheable
    public ReportFacts facts() {
        Map<String, String> facts = jdbc
                .sql("SELECT name, fact FROM report_fact")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return ReportFacts.of(facts);
    }

    /** The caption of a table the seed must carry. */
    public ReportTableCaption caption(int number) {
        ReportTableCaption caption = captions().get(number);
        if (caption == null) {
            throw new IllegalStateException("db/seed/report_tables.csv has no row for Table " + number);
        }
        return caption;
    }
}
