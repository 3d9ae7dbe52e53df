package com.gemmavision.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored bake-off runs, by owner, newest first. */
@Repository
public class EvaluationRepository {

    private static final String COLUMNS =
            "id, batch_id, created_at, endpoint, served_model, engine, gemma_model, format,"
                    + " documents, failed, concurrency, wall_seconds, p50_seconds, p95_seconds, prompt_tokens, completion_tokens,"
                    + " price_per_hour, price_currency, first_problem, truncated_documents, notes";

    private final JdbcClient jdbc;

    public EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a run and its fields, and keeps only the owner's newest {@code keep} runs. */
    @Transactional
    public long save(String owner, EvaluationRun run, int keep) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evaluation_run (batch_id, owner, created_at, endpoint, served_model, engine, gemma_model,"
                        + " format, documents, failed, concurrency, wall_seconds, p50_seconds, p95_seconds,"
                        + " prompt_tokens, completion_tokens, price_per_hour, price_currency, first_problem,"
                        + " truncated_documents, notes)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        run.batchId(),
                        owner,
                        Timestamp.from(run.createdAt()),
                        run.endpoint(),
                        run.servedModel(),
                        run.engine(),
                        run.gemmaModel(),
                        run.format(),
                        run.documents(),
                        run.failed(),
                        run.concurrency(),
                        run.wallSeconds(),
                        run.p50Seconds(),
                        run.p95Seconds(),
                        run.promptTokens(),
                        run.completionTokens(),
                        run.pricePerHour(),
                        run.priceCurrency(),
                        run.firstProblem(),
                        run.truncatedDocuments(),
                        run.notes())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (EvaluationRun.FieldScore f : run.fields()) {
            jdbc.sql("INSERT INTO evaluation_field (run_id, field, model_right, model_wrong, model_missed, rules_right,"
                            + " rules_wrong, rules_missed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            f.field(),
                            f.modelRight(),
                            f.modelWrong(),
                            f.modelMissed(),
                            f.rulesRight(),
                            f.rulesWrong(),
                            f.rulesMissed())
                    .update();
        }
        List<Long> old = jdbc.sql("SELECT id FROM evaluation_run WHERE owner = ? ORDER BY created_at DESC, id DESC"
                        + " OFFSET ? ROWS")
                .params(owner, keep)
                .query(Long.class)
                .list();
        old.forEach(o ->
                jdbc.sql("DELETE FROM evaluation_run WHERE id = ?").param(o).update());
        return id;
    }

    /** The owner's runs, newest first. */
    public List<EvaluationRun> list(String owner) {
        return list(owner, null);
    }

    /** The owner's runs of one bake-off (all of them when {@code batch} is null), newest first. */
    public List<EvaluationRun> list(String owner, String batch) {
        String which = batch == null ? "" : " AND r.batch_id = ?";
        List<Object> params = batch == null ? List.of(owner) : List.of(owner, batch);
        List<EvaluationRun> runs = jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_run r WHERE r.owner = ?" + which
                        + " ORDER BY r.created_at DESC, r.id DESC")
                .params(params)
                .query((rs, n) -> run(rs, List.of()))
                .list();
        if (runs.isEmpty()) {
            return runs;
        }
        Map<Long, List<EvaluationRun.FieldScore>> fields = new LinkedHashMap<>();
        jdbc.sql("SELECT f.run_id, f.field, f.model_right, f.model_wrong, f.model_missed, f.rules_right, f.rules_wrong,"
                        + " f.rules_missed FROM evaluation_field f JOIN evaluation_run r ON r.id = f.run_id"
                        + " WHERE r.owner = ?" + which + " ORDER BY f.run_id, f.field")
                .params(params)
                .query(rs -> {
                    fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new EvaluationRun.FieldScore(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getInt(7),
                                    rs.getInt(8)));
                });
        return runs.stream()
                .map(r -> r.withFields(fields.getOrDefault(r.id(), List.of())))
                .toList();
    }

    public void forget(String owner) {
        jdbc.sql("DELETE FROM evaluation_run WHERE owner = ?").param(owner).update();
        jdbc.sql("DELETE FROM evaluation_batch WHERE owner = ?").param(owner).update();
    }

    /**
     * A bake-off as stored: its servers in order, how many answers were in at its last heartbeat, and its state
     * ({@code running} until its runner ends it; a running one whose heartbeat stopped was cut short by a stop).
     */
    public record StoredBatch(
            String id,
            String owner,
            Instant startedAt,
            Instant heartbeatAt,
            String state,
            int documents,
            int asked,
            List<String> endpoints,
            String error) {}

    /** Stores a bake-off as it starts, and keeps only the owner's newest {@code keep} ones. */
    @Transactional
    public void startBatch(String id, String owner, int documents, List<String> endpoints, int keep) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO evaluation_batch (id, owner, started_at, heartbeat_at, state, documents, asked,"
                        + " endpoints) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")
                .params(id, owner, now, now, Evaluations.RUNNING, documents, String.join("\n", endpoints))
                .update();
        jdbc.sql("DELETE FROM evaluation_batch WHERE owner = ? AND id IN (SELECT id FROM evaluation_batch"
                        + " WHERE owner = ? ORDER BY started_at DESC, id OFFSET ? ROWS)")
                .params(owner, owner, keep)
                .update();
    }

    /** The runner is alive: the batch's answers so far and the time. */
    public void heartbeat(String id, int asked) {
        jdbc.sql("UPDATE evaluation_batch SET heartbeat_at = ?, asked = ? WHERE id = ? AND state = ?")
                .params(Timestamp.from(Instant.now()), asked, id, Evaluations.RUNNING)
                .update();
    }

    public void endBatch(String id, String state, int asked, String error) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE evaluation_batch SET state = ?, asked = ?, error = ?, ended_at = ?, heartbeat_at = ?"
                        + " WHERE id = ?")
                .params(state, asked, error, now, now, id)
                .update();
    }

    public Optional<StoredBatch> batch(String owner, String id) {
        return jdbc.sql("SELECT * FROM evaluation_batch WHERE owner = ? AND id = ?")
                .params(owner, id)
                .query(EvaluationRepository::batch)
                .optional();
    }

    /** The owner's newest bake-off still marked running, if any. */
    public Optional<StoredBatch> latestRunning(String owner) {
        return jdbc.sql("SELECT * FROM evaluation_batch WHERE owner = ? AND state = ?"
                        + " ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY")
                .params(owner, Evaluations.RUNNING)
                .query(EvaluationRepository::batch)
                .optional();
    }

    private static StoredBatch batch(ResultSet rs, int n) throws SQLException {
        return new StoredBatch(
                rs.getString("id"),
                rs.getString("owner"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("heartbeat_at").toInstant(),
                rs.getString("state"),
                rs.getInt("documents"),
                rs.getInt("asked"),
                List.of(rs.getString("endpoints").split("\n")),
                rs.getString("error"));
    }

    private static EvaluationRun run(ResultSet rs, List<EvaluationRun.FieldScore> fields) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new EvaluationRun(
                rs.getLong("id"),
                rs.getString("batch_id"),
                created,
                rs.getString("endpoint"),
                rs.getString("served_model"),
                rs.getString("engine"),
                rs.getString("gemma_model"),
                rs.getString("format"),
                rs.getInt("documents"),
                rs.getInt("failed"),
                rs.getInt("concurrency"),
                rs.getDouble("wall_seconds"),
                (Double) rs.getObject("p50_seconds", Double.class),
                (Double) rs.getObject("p95_seconds", Double.class),
                (Long) rs.getObject("prompt_tokens", Long.class),
                (Long) rs.getObject("completion_tokens", Long.class),
                rs.getBigDecimal("price_per_hour"),
                rs.getString("price_currency"),
                rs.getString("first_problem"),
                rs.getInt("truncated_documents"),
                rs.getString("notes"),
                fields);
    }
}
