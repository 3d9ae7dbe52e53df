package com.gemmavision.views;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved_view table (migration 12). */
@Repository
class ViewRepository {

    private static final String COLUMNS =
            "slug, name, note, author, page, query, description, created_at AS createdAt, updated_at AS updatedAt, owner";

    private final JdbcClient jdbc;

    ViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a view saved from {@code createdFrom} (a digest of the client address); false when its slug is taken. */
    boolean insert(SavedView view, String createdFrom) {
        try {
            jdbc.sql(
                            "INSERT INTO saved_view (slug, name, note, author, page, query, description, created_at, updated_at,"
                                    + " owner, created_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            view.slug(),
                            view.name(),
                            view.note(),
                            view.author(),
                            view.page(),
                            view.query(),
                            view.description(),
                            view.createdAt(),
                            view.updatedAt(),
                            view.owner(),
                            createdFrom)
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<SavedView> find(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM saved_view WHERE slug = ?")
                .param(slug)
                .query(SavedView.class)
                .optional();
    }

    /** The newest first. */
    List<SavedView> list(int limit) {
        return list(limit, 0);
    }

    /** The newest first, {@code limit} of them after skipping {@code offset}. */
    List<SavedView> list(int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM saved_view ORDER BY updated_at DESC, slug LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(SavedView.class)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM saved_view").query(Long.class).single();
    }

    long countOwnedBy(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM saved_view WHERE owner = ?")
                .param(owner)
                .query(Long.class)
                .single();
    }

    long countFrom(String createdFrom, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM saved_view WHERE created_from = ? AND created_at >= ?")
                .params(createdFrom, since)
                .query(Long.class)
                .single();
    }

    boolean rename(String slug, String name, String note, OffsetDateTime when) {
        return jdbc.sql("UPDATE saved_view SET name = ?, note = ?, updated_at = ? WHERE slug = ?")
                        .params(name, note, when, slug)
                        .update()
                > 0;
    }

    boolean delete(String slug) {
        return jdbc.sql("DELETE FROM saved_view WHERE slug = ?").param(slug).update() > 0;
    }
}
