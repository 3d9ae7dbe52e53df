package com.gemmavision.documents.processing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.ExtractedTable;
import com.gemmavision.documents.extraction.Transactions;
import com.gemmavision.documents.intake.DocumentContent;
import com.gemmavision.documents.text.PageText;

import org.springframework.dao.DuplicateKeyException;
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

    private static StoredDocument map(ResultSet rs) throws SQLException {
        return new StoredDocument(
                rs.getString("id"),
                rs.getString("owner"),
                rs.getString("filename"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getDouble("progress"),
                rs.getString("stage"),
                rs.getString("error"),
                (Integer) rs.getObject("page_count", Integer.class),
                (Integer) rs.getObject("width_px", Integer.class),
                (Integer) rs.getObject("height_px", Integer.class),
                rs.getBoolean("needs_password"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The document's row; its bytes go in separately, through {@link DocumentContent}, in the same transaction. */
    public void insert(StoredDocument document) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO document (id, owner, filename, media_type, size_bytes, needs_password, status,"
                        + " progress, stage, error, page_count, width_px, height_px, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        document.owner(),
                        document.filename(),
                        document.mediaType(),
                        document.sizeBytes(),
                        document.encrypted(),
                        document.status().name(),
                        document.stage(),
                        document.error(),
                        document.pageCount(),
                        document.widthPx(),
                        document.heightPx(),
                        Timestamp.from(document.createdAt()),
                        now)
                .update();
    }

    /**
     * Locks the owner's row until the transaction ends, so two uploads of one user count and insert one after
     * the other: the per-user limits hold however many requests arrive at once.
     */
    public void lockOwner(String owner) {
        touchOwner(owner);
        jdbc.sql("SELECT owner FROM document_owner WHERE owner = ? FOR UPDATE")
                .param(owner)
                .query(String.class)
                .list();
    }

    /** Pages of the owner's documents still waiting to be read (queued or running). */
    public long pagesWaiting(String owner) {
        return jdbc.sql("SELECT COALESCE(SUM(COALESCE(page_count, 1) - pages_done), 0) FROM document"
                        + " WHERE owner = ? AND status IN ('QUEUED', 'RUNNING') AND removed_at IS NULL")
                .param(owner)
                .query(Long.class)
                .single();
    }

    /**
     * Records that the owner was here. Called on every list (the section polls each second while work runs), so
     * it writes at most once an hour per owner: an hour is plenty of precision for a 30-day expiry.
     */
    public void touchOwner(String owner) {
        Instant now = Instant.now();
        Optional<Timestamp> seen = jdbc.sql("SELECT last_seen FROM document_owner WHERE owner = ?")
                .param(owner)
                .query(Timestamp.class)
                .optional();
        if (seen.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO document_owner (owner, last_seen) VALUES (?, ?)")
                        .params(owner, Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                // another request of the same owner recorded it a moment ago
            }
        } else if (seen.get().toInstant().isBefore(now.minus(Duration.ofHours(1)))) {
            jdbc.sql("UPDATE document_owner SET last_seen = ? WHERE owner = ?")
                    .params(Timestamp.from(now), owner)
                    .update();
        }
    }

    /** Removes the documents (and results, by cascade) of owners not seen since the cut-off; returns how many. */
    public int removeAbandoned(Instant before) {
        Timestamp cutOff = Timestamp.from(before);
        int removed = jdbc.sql(
                        "DELETE FROM document WHERE owner IN (SELECT owner FROM document_owner WHERE last_seen < ?)")
                .param(cutOff)
                .update();
        jdbc.sql("DELETE FROM document_owner WHERE last_seen < ?").param(cutOff).update();
        return removed;
    }

    public List<StoredDocument> byOwner(String owner) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM document WHERE owner = ? AND removed_at IS NULL ORDER BY created_at, id")
                .param(owner)
                .query((rs, i) -> map(rs))
                .list();
    }

    public long countByOwner(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE owner = ? AND removed_at IS NULL")
                .param(owner)
                .query(Long.class)
                .single();
    }

    /** A document, only if it belongs to the owner: another session's id is as good as unknown. */
    public Optional<StoredDocument> find(String id, String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ? AND owner = ? AND removed_at IS NULL")
                .params(id, owner)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<StoredDocument> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ?")
                .param(id)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<String> sealedPassword(String id) {
        return jdbc.sql("SELECT password_sealed FROM document WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public void setSealedPassword(String id, String sealed) {
        jdbc.sql("UPDATE document SET password_sealed = ?, updated_at = ? WHERE id = ?")
                .params(sealed, Timestamp.from(Instant.now()), id)
                .update();
    }

    /** Where a claimed run starts: the pages already read by an earlier slice of it. */
    record Claim(String id, String owner, int pagesDone, int attempts) {}

    /** A queued document, and whether it must be read alone (its last run died beside others). */
    record Queued(String id, boolean solo) {}

    /**
     * The next queued document to work on: first those to be read alone (after a restart they are retried one at
     * a time before anything else), then fairly: owners with nothing running, then the owner whose work was
     * started longest ago, then the oldest upload. Round robin across users, first come first served within one.
     */
    Optional<Queued> nextQueued() {
        return jdbc.sql("SELECT d.id, d.solo FROM document d LEFT JOIN document_owner o ON o.owner = d.owner"
                        + " WHERE d.status = 'QUEUED' ORDER BY CASE WHEN d.solo THEN 0 ELSE 1 END,"
                        + " (SELECT COUNT(*) FROM document r WHERE r.owner = d.owner AND r.status = 'RUNNING'),"
                        + " CASE WHEN o.last_claimed_at IS NULL THEN 0 ELSE 1 END, o.last_claimed_at, d.created_at, d.id"
                        + " LIMIT 1")
                .query((rs, i) -> new Queued(rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    /**
     * Claims a queued document for this instance; empty when another worker claimed it first. A run claimed
     * {@code alone} (nothing else runs on this instance until it ends) counts as an attempt before it starts, so a
     * run that kills the server counts; a run beside others does not, since its death may not be its fault.
     */
    @Transactional
    Optional<Claim> claim(String id, String instance, boolean alone) {
        Timestamp now = Timestamp.from(Instant.now());
        int claimed = jdbc.sql("UPDATE document SET status = 'RUNNING', stage = 'Starting', error = NULL,"
                        + " claimed_by = ?, heartbeat_at = ?, attempts = attempts + ?, claimed_alone = ?, updated_at = ?"
                        + " WHERE id = ? AND status = 'QUEUED'")
                .params(instance, now, alone ? 1 : 0, alone, now, id)
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        Claim claim = jdbc.sql("SELECT id, owner, pages_done, attempts FROM document WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Claim(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .single();
        jdbc.sql("UPDATE document_owner SET last_claimed_at = ? WHERE owner = ?")
                .params(now, claim.owner())
                .update();
        return Optional.of(claim);
    }

    /** This instance's runs are alive: their claims are renewed. */
    void heartbeat(String instance, Collection<String> ids) {
        Timestamp now = Timestamp.from(Instant.now());
        for (String id : ids) {
            jdbc.sql("UPDATE document SET heartbeat_at = ? WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'")
                    .params(now, id, instance)
                    .update();
        }
    }

    /**
     * Runs whose worker stopped saying it is alive before the cut-off (an instance killed, a JVM that died). A run
     * that was alone on its instance and had its last attempt fails for good with the reason; every other goes back
     * in the queue to be read alone, so the death is charged only to a document that caused it by itself.
     * Returns how many changed.
     * Touches only small rows: the bytes are elsewhere.
     */
    @Transactional
    public int expireClaims(Instant before, int maxAttempts) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp cutOff = Timestamp.from(before);
        int failed = jdbc.sql(
                        "UPDATE document SET status = 'FAILED', claimed_by = NULL, stage = NULL, error = ?, updated_at = ?"
                                + " WHERE status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < ?)"
                                + " AND claimed_alone AND attempts >= ?")
                .params(
                        "Could not be processed: the server stopped " + maxAttempts + " times while reading this"
                                + " document alone, so it is not tried again. Upload a smaller or simpler file, or use"
                                + " Run Analysis to try once more.",
                        now,
                        cutOff,
                        maxAttempts)
                .update();
        return failed
                + jdbc.sql("UPDATE document SET status = 'QUEUED', claimed_by = NULL, solo = TRUE,"
                                + " stage = 'Queued again after an interrupted run, to be read alone', updated_at = ?"
                                + " WHERE status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < ?)")
                        .params(now, cutOff)
                        .update();
    }

    /** On a clean stop: this instance's run goes back in the queue without counting as an attempt. */
    void release(String id, String instance) {
        jdbc.sql("UPDATE document SET status = 'QUEUED', claimed_by = NULL,"
                        + " attempts = GREATEST(attempts - CASE WHEN claimed_alone THEN 1 ELSE 0 END, 0),"
                        + " stage = 'Queued again after a restart', updated_at = ?"
                        + " WHERE id = ? AND status = 'RUNNING' AND claimed_by = ?")
                .params(Timestamp.from(Instant.now()), id, instance)
                .update();
    }

    /** Whether another user's document waits for a worker. */
    boolean othersWaiting(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE status = 'QUEUED' AND owner <> ?")
                        .param(owner)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A long run gives way: the document goes back in the queue with the pages read so far kept, and resumes
     * after them when next claimed. A run that got this far made progress (past the page it was on when an earlier
     * run died), so its attempts start again and it need no longer be read alone.
     */
    boolean yieldTurn(String id, String instance, int pagesDone, int pageCount) {
        return jdbc.sql(
                                "UPDATE document SET status = 'QUEUED', claimed_by = NULL, attempts = 0, solo = FALSE, pages_done = ?,"
                                        + " stage = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING' AND claimed_by = ?")
                        .params(
                                pagesDone,
                                "Read " + pagesDone + " of " + pageCount + " pages; waiting for its turn",
                                Timestamp.from(Instant.now()),
                                id,
                                instance)
                        .update()
                == 1;
    }

    /** Records progress; false when the run is no longer running (the user cancelled or removed it). */
    boolean progress(String id, double progress, String stage) {
        return jdbc.sql(
                                "UPDATE document SET progress = ?, stage = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'")
                        .params(progress, stage, Timestamp.from(Instant.now()), id)
                        .update()
                == 1;
    }

    /** A page and the resume point after it, in one transaction: one commit (and one file write) per page. */
    @Transactional
    void savePageDone(String id, PageText page) {
        savePage(id, page);
        jdbc.sql("UPDATE document SET pages_done = ? WHERE id = ? AND status = 'RUNNING'")
                .params(page.pageNumber(), id)
                .update();
    }

    /** Pages past the resume point (written by a run that died before recording them) are dropped. */
    void dropPagesAfter(String id, int pagesDone) {
        jdbc.sql("DELETE FROM document_page WHERE document_id = ? AND page_number > ?")
                .params(id, pagesDone)
                .update();
    }

    void pageCount(String id, int pages) {
        jdbc.sql("UPDATE document SET page_count = ? WHERE id = ?")
                .params(pages, id)
                .update();
    }

    void finish(String id, DocumentStatus status, String error, boolean needsPassword) {
        jdbc.sql("UPDATE document SET status = ?, progress = CASE WHEN ? = 'DONE' THEN 1 ELSE progress END, stage = ?,"
                        + " error = ?, needs_password = ?, claimed_by = NULL, updated_at = ?"
                        + " WHERE id = ? AND status = 'RUNNING'")
                .params(
                        status.name(),
                        status.name(),
                        status == DocumentStatus.DONE ? "Done" : null,
                        error,
                        needsPassword,
                        Timestamp.from(Instant.now()),
                        id)
                .update();
    }

    public boolean cancel(String id, String owner) {
        return jdbc.sql("UPDATE document SET status = 'CANCELLED', stage = 'Cancelled', updated_at = ?"
                                + " WHERE id = ? AND owner = ? AND status IN ('QUEUED', 'RUNNING')")
                        .params(Timestamp.from(Instant.now()), id, owner)
                        .update()
                == 1;
    }

    @Transactional
    public boolean requeue(String id, String owner) {
        int updated = jdbc.sql(
                        "UPDATE document SET status = 'QUEUED', progress = 0, stage = 'Queued', error = NULL,"
                                + " attempts = 0, solo = FALSE, pages_done = 0, updated_at = ? WHERE id = ? AND owner = ? AND status <> 'RUNNING'")
                .params(Timestamp.from(Instant.now()), id, owner)
                .update();
        if (updated == 1) {
            clearResults(id);
        }
        return updated == 1;
    }

    /** The name of the owner's document with these bytes, if they uploaded the same file already. */
    public Optional<String> sameFile(String owner, String sha256) {
        return jdbc
                .sql("SELECT filename FROM document WHERE owner = ? AND sha256 = ? AND removed_at IS NULL"
                        + " ORDER BY created_at")
                .params(owner, sha256)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    public void sha256(String id, String sha256) {
        jdbc.sql("UPDATE document SET sha256 = ? WHERE id = ?")
                .params(sha256, id)
                .update();
    }

    /** Takes the document out of every list, to be deleted later unless brought back. */
    public boolean markRemoved(String id, String owner, Instant when) {
        return jdbc.sql("UPDATE document SET removed_at = ? WHERE id = ? AND owner = ? AND removed_at IS NULL")
                        .params(Timestamp.from(when), id, owner)
                        .update()
                == 1;
    }

    /** The owner's documents removed at or after {@code since}, the newest first: what Undo can bring back. */
    public List<StoredDocument> removedSince(String owner, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE owner = ? AND removed_at >= ?"
                        + " ORDER BY removed_at DESC, id")
                .params(owner, Timestamp.from(since))
                .query((rs, i) -> map(rs))
                .list();
    }

    public boolean restore(String id, String owner, Instant since) {
        return jdbc.sql("UPDATE document SET removed_at = NULL WHERE id = ? AND owner = ? AND removed_at >= ?")
                        .params(id, owner, Timestamp.from(since))
                        .update()
                == 1;
    }

    /** Deletes documents removed before the cut-off, with their results (by cascade). */
    public int purgeRemoved(Instant before) {
        return jdbc.sql("DELETE FROM document WHERE removed_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    /** Every document of the owner, removed ones included, and the owner's record. */
    public void deleteOwner(String owner) {
        jdbc.sql("DELETE FROM document WHERE owner = ?").param(owner).update();
        jdbc.sql("DELETE FROM document_owner WHERE owner = ?").param(owner).update();
    }

    /** The document's exact text token count, or null when it could not be counted. */
    void saveTextTokens(String id, Long tokens) {
        jdbc.sql("UPDATE document SET text_tokens = ? WHERE id = ?")
                .params(tokens, id)
                .update();
    }

    public Optional<Long> textTokens(String id) {
        return jdbc.sql("SELECT text_tokens FROM document WHERE id = ?")
                .param(id)
                .query((rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1))
                .optional();
    }

    void clearResults(String id) {
        jdbc.sql("UPDATE document SET text_tokens = NULL WHERE id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM document_page WHERE document_id = ?").param(id).update();
        jdbc.sql("DELETE FROM document_field WHERE document_id = ?").param(id).update();
        jdbc.sql("DELETE FROM document_table WHERE document_id = ?").param(id).update();
        jdbc.sql("DELETE FROM document_line_item WHERE document_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM document_transaction WHERE document_id = ?")
                .param(id)
                .update();
    }

    public void savePage(String id, PageText page) {
        jdbc.sql("INSERT INTO document_page (document_id, page_number, text_source, text, ocr_confidence, width_px,"
                        + " height_px, note, line_confidences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        page.pageNumber(),
                        page.source().code(),
                        page.text(),
                        page.ocrConfidence(),
                        page.widthPx(),
                        page.heightPx(),
                        truncate(page.note(), 300),
                        page.lineConfidences().isEmpty()
                                ? null
                                : page.lineConfidences().stream()
                                        .map(line -> line.stream()
                                                .map(c -> String.valueOf(Math.round(c)))
                                                .collect(Collectors.joining(",")))
                                        .collect(Collectors.joining(";")))
                .update();
    }

    /** How many of a document's pages came from each source ({@code text-layer}, {@code ocr}, ...), in order. */
    public Map<String, Integer> pageSources(String id) {
        Map<String, Integer> sources = new TreeMap<>();
        jdbc.sql("SELECT text_source, COUNT(*) FROM document_page WHERE document_id = ? GROUP BY text_source")
                .param(id)
                .query((rs, i) -> sources.put(rs.getString(1), rs.getInt(2)))
                .list();
        return sources;
    }

    public List<PageText> pages(String id) {
        return jdbc.sql(
                        "SELECT page_number, text_source, text, ocr_confidence, width_px, height_px, note, line_confidences"
                                + " FROM document_page WHERE document_id = ? ORDER BY page_number")
                .param(id)
                .query((rs, i) -> new PageText(
                        rs.getInt(1),
                        PageText.TextSource.byCode(rs.getString(2)),
                        rs.getString(3),
                        (Double) rs.getObject(4, Double.class),
                        (Integer) rs.getObject(5, Integer.class),
                        (Integer) rs.getObject(6, Integer.class),
                        rs.getString(7),
                        confidences(rs.getString(8))))
                .list();
    }

    private static List<List<Double>> confidences(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(";", -1))
                .map(line -> line.isEmpty()
                        ? List.<Double>of()
                        : Arrays.stream(line.split(",")).map(Double::valueOf).toList())
                .toList();
    }

    public void saveFields(String id, Collection<ExtractedField> fields) {
        saveFields(id, fields, true);
    }

    /** Values the rules found but the confidence model is not sure of: shown as such, never stated. */
    public void saveUnsureFields(String id, Collection<ExtractedField> fields) {
        saveFields(id, fields, false);
    }

    private void saveFields(String id, Collection<ExtractedField> fields, boolean stated) {
        for (ExtractedField field : fields) {
            jdbc.sql(
                            "INSERT INTO document_field (document_id, name, field_value, page_number, snippet, confidence, source,"
                                    + " checks_passed, checks_failed, stated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            field.name(),
                            truncate(field.value(), 300),
                            field.pageNumber(),
                            truncate(field.snippet(), 400),
                            field.confidence(),
                            field.source(),
                            truncate(String.join("\n", field.passed()), 2000),
                            truncate(String.join("\n", field.failed()), 2000),
                            stated)
                    .update();
        }
    }

    /** A document's fields: those stated, and the values found below the stated confidence ("not sure"). */
    public record Fields(List<ExtractedField> stated, List<ExtractedField> unsure) {}

    /** Both kinds of field of a document, in one query. */
    public Fields allFields(String id) {
        List<ExtractedField> stated = new ArrayList<>();
        List<ExtractedField> unsure = new ArrayList<>();
        jdbc.sql("SELECT name, field_value, page_number, snippet, confidence, source, checks_passed, checks_failed,"
                        + " stated FROM document_field WHERE document_id = ?")
                .param(id)
                .query((rs, i) -> (rs.getBoolean(9) ? stated : unsure)
                        .add(new ExtractedField(
                                rs.getString(1),
                                rs.getString(2),
                                (Integer) rs.getObject(3, Integer.class),
                                rs.getString(4),
                                rs.getDouble(5),
                                rs.getString(6),
                                lines(rs.getString(7)),
                                lines(rs.getString(8)))))
                .list();
        return new Fields(stated, unsure);
    }

    /** The fields stated for a document. */
    public List<ExtractedField> fields(String id) {
        return allFields(id).stated();
    }

    /** The values found for a document that fell below the stated confidence. */
    public List<ExtractedField> unsureFields(String id) {
        return allFields(id).unsure();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    public void deleteField(String id, String name) {
        jdbc.sql("DELETE FROM document_field WHERE document_id = ? AND name = ?")
                .params(id, name)
                .update();
    }

    public void saveCorrection(String id, String name, String previous, String value, Instant when) {
        int next = jdbc.sql(
                        "SELECT COALESCE(MAX(correction_no), 0) + 1 FROM document_field_correction WHERE document_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO document_field_correction (document_id, correction_no, name, previous_value, new_value,"
                        + " corrected_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, next, name, truncate(previous, 300), value, Timestamp.from(when))
                .update();
    }

    /** A correction as stored: which field, what it was, what it became (null: cleared), when. */
    public record Correction(String name, String previous, String value, Instant when) {}

    public List<Correction> corrections(String id) {
        return jdbc.sql("SELECT name, previous_value, new_value, corrected_at FROM document_field_correction"
                        + " WHERE document_id = ? ORDER BY correction_no")
                .param(id)
                .query((rs, i) -> new Correction(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    void saveTransactions(String id, List<Transactions.Transaction> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Transactions.Transaction row = rows.get(i);
            jdbc.sql("INSERT INTO document_transaction (document_id, row_index, booked_on, description, debit, credit,"
                            + " balance) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            i,
                            row.date(),
                            truncate(row.description(), 300),
                            row.debit(),
                            row.credit(),
                            row.balance())
                    .update();
        }
    }

    public List<Transactions.Transaction> transactions(String id) {
        return jdbc.sql("SELECT booked_on, description, debit, credit, balance FROM document_transaction"
                        + " WHERE document_id = ? ORDER BY row_index")
                .param(id)
                .query((rs, i) -> new Transactions.Transaction(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    void saveLineItems(String id, List<EInvoiceXml.LineItem> items) {
        for (int i = 0; i < items.size(); i++) {
            EInvoiceXml.LineItem item = items.get(i);
            jdbc.sql(
                            "INSERT INTO document_line_item (document_id, line_index, description, quantity, unit_price, amount,"
                                    + " tax_rate) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            i,
                            truncate(item.description(), 300),
                            truncate(item.quantity(), 40),
                            truncate(item.unitPrice(), 40),
                            truncate(item.amount(), 40),
                            truncate(item.taxRate(), 20))
                    .update();
        }
    }

    public List<EInvoiceXml.LineItem> lineItems(String id) {
        return jdbc.sql("SELECT description, quantity, unit_price, amount, tax_rate FROM document_line_item"
                        + " WHERE document_id = ? ORDER BY line_index")
                .param(id)
                .query((rs, i) -> new EInvoiceXml.LineItem(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    void saveTable(String id, ExtractedTable table, String csv) {
        jdbc.sql("INSERT INTO document_table (document_id, table_index, page_number, csv) VALUES (?, ?, ?, ?)")
                .params(id, table.index(), table.pageNumber(), csv)
                .update();
    }

    public List<String[]> tables(String id) {
        return jdbc.sql(
                        "SELECT table_index, page_number, csv FROM document_table WHERE document_id = ? ORDER BY table_index")
                .param(id)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
