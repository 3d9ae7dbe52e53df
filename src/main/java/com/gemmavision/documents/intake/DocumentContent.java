package com.gemmavision.documents.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The uploaded bytes of documents, kept apart from the document rows that progress updates rewrite. They are
 * written once, in chunks of {@value #CHUNK_BYTES} bytes, and read back one chunk at a time into a temporary
 * file that PDFBox or ImageIO reads with random access: no step holds a whole file in memory, and nothing
 * else ever rewrites them. Plain {@code BYTEA} rows work the same on H2 and PostgreSQL.
 */
@Repository
public class DocumentContent {

    static final int CHUNK_BYTES = 256 * 1024;

    private final JdbcClient jdbc;

    public DocumentContent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file's bytes for a document (in the caller's transaction); returns how many bytes. */
    public long write(String documentId, Path file) throws IOException {
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int index = 0;
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
                jdbc.sql("INSERT INTO document_content (document_id, chunk_index, bytes) VALUES (?, ?, ?)")
                        .params(documentId, index++, chunk)
                        .update();
                total += chunk.length;
            }
        }
        return total;
    }

    /** A document's bytes copied into a temporary file, deleted on close. */
    public Spooled spool(String documentId) throws IOException {
        Path file = TempFiles.create("document");
        try (OutputStream out = Files.newOutputStream(file)) {
            List<Integer> chunks = jdbc.sql(
                            "SELECT chunk_index FROM document_content WHERE document_id = ?" + " ORDER BY chunk_index")
                    .param(documentId)
                    .query(Integer.class)
                    .list();
            if (chunks.isEmpty()) {
                throw new IOException("no stored content for document " + documentId);
            }
            for (int index : chunks) {
                out.write(jdbc.sql("SELECT bytes FROM document_content WHERE document_id = ? AND chunk_index = ?")
                        .params(documentId, index)
                        .query(byte[].class)
                        .single());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Spooled(file);
    }

    /** A temporary copy of a document's bytes. */
    public record Spooled(Path file) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
