package com.gemmavision.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Documents, their bytes and their results, in the app's database. */
@Repository
public class DocumentRepository {

    private static final String COLUMNS = "id, owner, filename, media_type, size_bytes, status, progress, stage, error,"
            + " page_count, width_px, height_px, needs_password, created_at";

    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static StoredDocument map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredDocument(rs.getString("id"), rs.getString("owner"), rs.getString("filename"),
                rs.getString("media_type"), rs.getLong("size_bytes"), DocumentStatus.valueOf(rs.getString("status")),
                rs.getDouble("progress"), rs.getString("stage"), rs.getString("error"),
                (Integer) rs.getObject("page_count", Integer.class), (Integer) rs.getObject("width_px", Integer.class),
                (Integer) rs.getObject("height_px", Integer.class), rs.getBoolean("needs_password"),
                rs.getTimestamp("created_at").toInstant());
    }

    void insert(StoredDocument document, byte[] content) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO document (id, owner, filename, media_type, size_bytes, content, needs_password, status,"
                        + " progress, stage, error, page_count, width_px, height_px, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")
                .params(document.id(), document.owner(), document.filename(), document.mediaType(), document.sizeBytes(),
                        content, document.encrypted(), document.status().name(), document.stage(), document.error(),
                        document.pageCount(),
                        document.widthPx(), document.heightPx(), Timestamp.from(document.createdAt()), now)
                .update();
    }

    /**
     * Records that the owner was here. Called on every list (the section polls each second while work runs), so
     * it writes at most once an hour per owner: an hour is plenty of precision for a 30-day expiry.
     */
    void touchOwner(String owner) {
        Instant now = Instant.now();
        Optional<Timestamp> seen = jdbc.sql("SELECT last_seen FROM document_owner WHERE owner = ?").param(owner)
                .query(Timestamp.class).optional();
        if (seen.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO document_owner (owner, last_seen) VALUES (?, ?)").params(owner, Timestamp.from(now))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another request of the same owner recorded it a moment ago
            }
        } else if (seen.get().toInstant().isBefore(now.minus(java.time.Duration.ofHours(1)))) {
            jdbc.sql("UPDATE document_owner SET last_seen = ? WHERE owner = ?").params(Timestamp.from(now), owner).update();
        }
    }

    /** Removes the documents (and results, by cascade) of owners not seen since the cut-off; returns how many. */
    int removeAbandoned(Instant before) {
        Timestamp cutOff = Timestamp.from(before);
        int removed = jdbc.sql("DELETE FROM document WHERE owner IN (SELECT owner FROM document_owner WHERE last_seen < ?)")
                .param(cutOff).update();
        jdbc.sql("DELETE FROM document_owner WHERE last_seen < ?").param(cutOff).update();
        return removed;
    }

    public List<StoredDocument> byOwner(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE owner = ? ORDER BY created_at, id")
                .param(owner).query((rs, i) -> map(rs)).list();
    }

    public long countByOwner(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE owner = ?").param(owner).query(Long.class).single();
    }

    /** A document, only if it belongs to the owner: another session's id is as good as unknown. */
    public Optional<StoredDocument> find(String id, String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ? AND owner = ?").params(id, owner)
                .query((rs, i) -> map(rs)).optional();
    }

    Optional<StoredDocument> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    byte[] content(String id) {
        return jdbc.sql("SELECT content FROM document WHERE id = ?").param(id).query(byte[].class).single();
    }

    Optional<String> password(String id) {
        return jdbc.sql("SELECT password FROM document WHERE id = ?").param(id).query(String.class).optional();
    }

    void setPassword(String id, String password) {
        jdbc.sql("UPDATE document SET password = ?, updated_at = ? WHERE id = ?")
                .params(password, Timestamp.from(Instant.now()), id).update();
    }

    /** Claims a queued document for processing; false when someone else claimed it first. */
    boolean claim(String id) {
        return jdbc.sql("UPDATE document SET status = 'RUNNING', progress = 0, stage = 'Starting', error = NULL,"
                        + " updated_at = ? WHERE id = ? AND status = 'QUEUED'")
                .params(Timestamp.from(Instant.now()), id).update() == 1;
    }

    List<String> queued(int limit) {
        return jdbc.sql("SELECT id FROM document WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT ?")
                .param(limit).query(String.class).list();
    }

    /** Puts running documents whose worker went quiet before the cut-off back in the queue. */
    int requeueStale(Instant before) {
        return jdbc.sql("UPDATE document SET status = 'QUEUED', stage = 'Queued again after an interrupted run',"
                        + " updated_at = ? WHERE status = 'RUNNING' AND updated_at < ?")
                .params(Timestamp.from(Instant.now()), Timestamp.from(before)).update();
    }

    void requeueRunning(String id) {
        jdbc.sql("UPDATE document SET status = 'QUEUED', stage = 'Queued again after a restart', updated_at = ?"
                        + " WHERE id = ? AND status = 'RUNNING'")
                .params(Timestamp.from(Instant.now()), id).update();
    }

    void progress(String id, double progress, String stage) {
        jdbc.sql("UPDATE document SET progress = ?, stage = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(progress, stage, Timestamp.from(Instant.now()), id).update();
    }

    void pageCount(String id, int pages) {
        jdbc.sql("UPDATE document SET page_count = ? WHERE id = ?").params(pages, id).update();
    }

    void finish(String id, DocumentStatus status, String error, boolean needsPassword) {
        jdbc.sql("UPDATE document SET status = ?, progress = CASE WHEN ? = 'DONE' THEN 1 ELSE progress END, stage = ?,"
                        + " error = ?, needs_password = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status.name(), status.name(), status == DocumentStatus.DONE ? "Done" : null, error, needsPassword,
                        Timestamp.from(Instant.now()), id).update();
    }

    boolean cancelled(String id) {
        return jdbc.sql("SELECT status FROM document WHERE id = ?").param(id).query(String.class).optional()
                .map(s -> !s.equals("RUNNING")).orElse(true);
    }

    boolean cancel(String id, String owner) {
        return jdbc.sql("UPDATE document SET status = 'CANCELLED', stage = 'Cancelled', updated_at = ?"
                        + " WHERE id = ? AND owner = ? AND status IN ('QUEUED', 'RUNNING')")
                .params(Timestamp.from(Instant.now()), id, owner).update() == 1;
    }

    @Transactional
    public boolean requeue(String id, String owner) {
        int updated = jdbc.sql("UPDATE document SET status = 'QUEUED', progress = 0, stage = 'Queued', error = NULL,"
                        + " updated_at = ? WHERE id = ? AND owner = ? AND status <> 'RUNNING'")
                .params(Timestamp.from(Instant.now()), id, owner).update();
        if (updated == 1) {
            clearResults(id);
        }
        return updated == 1;
    }

    boolean delete(String id, String owner) {
        return jdbc.sql("DELETE FROM document WHERE id = ? AND owner = ?").params(id, owner).update() == 1;
    }

    void clearResults(String id) {
        jdbc.sql("DELETE FROM document_page WHERE document_id = ?").param(id).update();
        jdbc.sql("DELETE FROM document_field WHERE document_id = ?").param(id).update();
        jdbc.sql("DELETE FROM document_table WHERE document_id = ?").param(id).update();
    }

    void savePage(String id, PageText page) {
        jdbc.sql("INSERT INTO document_page (document_id, page_number, text_source, text, ocr_confidence, width_px,"
                        + " height_px) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, page.pageNumber(), page.source().code(), page.text(), page.ocrConfidence(), page.widthPx(),
                        page.heightPx()).update();
    }

    public List<PageText> pages(String id) {
        return jdbc.sql("SELECT page_number, text_source, text, ocr_confidence, width_px, height_px FROM document_page"
                        + " WHERE document_id = ? ORDER BY page_number").param(id)
                .query((rs, i) -> new PageText(rs.getInt(1), PageText.TextSource.byCode(rs.getString(2)), rs.getString(3),
                        (Double) rs.getObject(4, Double.class), (Integer) rs.getObject(5, Integer.class),
                        (Integer) rs.getObject(6, Integer.class))).list();
    }

    void saveFields(String id, java.util.Collection<ExtractedField> fields) {
        for (ExtractedField field : fields) {
            jdbc.sql("INSERT INTO document_field (document_id, name, field_value, page_number, snippet, confidence)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, field.name(), truncate(field.value(), 300), field.pageNumber(), truncate(field.snippet(), 400),
                            field.confidence()).update();
        }
    }

    public List<ExtractedField> fields(String id) {
        return jdbc.sql("SELECT name, field_value, page_number, snippet, confidence FROM document_field WHERE document_id = ?")
                .param(id).query((rs, i) -> new ExtractedField(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getDouble(5))).list();
    }

    void saveTable(String id, ExtractedTable table, String csv) {
        jdbc.sql("INSERT INTO document_table (document_id, table_index, page_number, csv) VALUES (?, ?, ?, ?)")
                .params(id, table.index(), table.pageNumber(), csv).update();
    }

    public List<String[]> tables(String id) {
        return jdbc.sql("SELECT table_index, page_number, csv FROM document_table WHERE document_id = ? ORDER BY table_index")
                .param(id).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
