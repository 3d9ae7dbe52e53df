package com.gemmavision.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Makes what was just committed durable before the server acknowledges it. PostgreSQL commits are durable
 * already. The embedded H2 writes committed changes to its file in the background (within half a second, so
 * that every page view's session bookkeeping costs no file write); for the few acknowledgements that must
 * survive {@code kill -9} at once (an upload's 201, a changed selection) this asks H2 for a CHECKPOINT, which
 * writes them to the file before the answer leaves.
 */
@Component
public class Checkpoint {

    private final DataSource dataSource;
    private final boolean h2;

    public Checkpoint(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be reached", e);
        }
    }

    public void now() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not write its changes to disk", e);
        }
    }
}
