package com.gemmavision.web.http;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health that tells the truth about the database: a real write and read of one row, so a database that went
 * read-only or closed itself (H2 does after a fatal error) reports DOWN instead of a connection check's UP.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private final JdbcClient jdbc;

    DatabaseHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            int written = jdbc.sql("UPDATE health_probe SET checked_at = ? WHERE id = 1")
                    .param(Timestamp.from(Instant.now()))
                    .update();
            long rows = jdbc.sql("SELECT COUNT(*) FROM health_probe")
                    .query(Long.class)
                    .single();
            return written == 1 && rows == 1
                    ? Health.up().build()
                    : Health.down().withDetail("reason", "probe row missing").build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
