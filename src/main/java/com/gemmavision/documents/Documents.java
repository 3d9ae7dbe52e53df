package com.gemmavision.documents;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Service;

/**
 * Accepts uploads after checking them by content (type from magic bytes, size, pages, pixels read from the
 * image header before any decoding), stores them for their owner and queues them; and the owner's actions on
 * them: rerun, cancel, remove, supply a PDF password.
 */
@Service
public class Documents {

    private final DocumentRepository repository;
    private final DocumentProperties properties;

    public Documents(DocumentRepository repository, DocumentProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** A file as uploaded. */
    public record Upload(String filename, byte[] content) {
    }

    /** Why a file was refused, and the HTTP status that fits. */
    public record Rejection(String filename, String message, int status) {
    }

    public record Outcome(List<StoredDocument> accepted, List<Rejection> rejected) {
    }

    public DocumentProperties limits() {
        return properties;
    }

    public Outcome upload(String owner, List<Upload> uploads) {
        repository.touchOwner(owner);
        List<StoredDocument> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        long kept = repository.countByOwner(owner);
        for (Upload upload : uploads) {
            String name = safeName(upload.filename());
            if (kept >= properties.maxDocuments()) {
                rejected.add(new Rejection(name, name + ": you already keep " + properties.maxDocuments()
                        + " documents, the limit; remove one first.", 409));
                continue;
            }
            Inspection inspection = inspect(name, upload.content());
            if (inspection.rejection() != null) {
                rejected.add(inspection.rejection());
                continue;
            }
            StoredDocument document = describe(owner, name, inspection, upload.content().length);
            repository.insert(document, upload.content());
            accepted.add(document);
            kept++;
        }
        return new Outcome(accepted, rejected);
    }

    /**
     * What a file turned out to be when checked, read once: its type, and pages (PDF) or pixel size (image),
     * whether it is encrypted; or why it is refused.
     */
    private record Inspection(Rejection rejection, DocumentKind kind, Integer pages, boolean encrypted, Integer width,
                              Integer height) {

        static Inspection refused(String name, String message, int status) {
            return new Inspection(new Rejection(name, message, status), null, null, false, null, null);
        }
    }

    private Inspection inspect(String name, byte[] content) {
        if (content.length == 0) {
            return Inspection.refused(name, name + " is empty.", 400);
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            return Inspection.refused(name, name + " is larger than the " + properties.maxFileSize().toMegabytes()
                    + " MB limit.", 413);
        }
        Optional<DocumentKind> kind = DocumentKind.detect(content);
        if (kind.isEmpty()) {
            return Inspection.refused(name, name + " is not a PDF, PNG or JPEG file (judged by its content, not"
                    + " its name).", 415);
        }
        return kind.get() == DocumentKind.PDF ? inspectPdf(name, content) : inspectImage(name, kind.get(), content);
    }

    private Inspection inspectPdf(String name, byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                return Inspection.refused(name, name + " has no pages.", 422);
            }
            if (pages > properties.maxPages()) {
                return Inspection.refused(name, name + " has " + String.format(Locale.ROOT, "%,d", pages)
                        + " pages; the limit is " + properties.maxPages() + ".", 413);
            }
            return new Inspection(null, DocumentKind.PDF, pages, false, null, null);
        } catch (InvalidPasswordException e) {
            return new Inspection(null, DocumentKind.PDF, null, true, null, null);
        } catch (IOException | RuntimeException e) {
            return Inspection.refused(name, name + " is not a readable PDF (damaged or truncated).", 422);
        }
    }

    private Inspection inspectImage(String name, DocumentKind kind, byte[] content) {
        Optional<Dimension> size = imageSize(content);
        if (size.isEmpty()) {
            return Inspection.refused(name, name + " is not a readable image (damaged or truncated).", 422);
        }
        long pixels = (long) size.get().width * size.get().height;
        if (pixels > properties.maxPixels()) {
            return Inspection.refused(name, String.format(Locale.ROOT,
                    "%s is %,d × %,d pixels (%.1f megapixels); the limit is %s megapixels.", name, size.get().width,
                    size.get().height, pixels / 1e6, properties.maxMegapixelsText()), 413);
        }
        return new Inspection(null, kind, 1, false, size.get().width, size.get().height);
    }

    /** Width and height from the image header, without decoding the pixels. */
    static Optional<Dimension> imageSize(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Dimension(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static StoredDocument describe(String owner, String name, Inspection inspection, long size) {
        boolean encrypted = inspection.encrypted();
        return new StoredDocument(UUID.randomUUID().toString(), owner, name, inspection.kind().mediaType(), size,
                encrypted ? DocumentStatus.FAILED : DocumentStatus.QUEUED, 0, encrypted ? null : "Queued",
                encrypted ? "This PDF is encrypted: enter its password to read it." : null, inspection.pages(),
                inspection.width(), inspection.height(), encrypted, Instant.now());
    }

    /** The name a user gave, without any folders, control characters or excess length. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "unnamed";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    public List<StoredDocument> list(String owner) {
        repository.touchOwner(owner);
        return repository.byOwner(owner);
    }

    /** Every six hours: documents of users who have not been back for the configured time go, with their results. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
    public int removeAbandoned() {
        return repository.removeAbandoned(Instant.now().minus(properties.keepFor()));
    }

    public Optional<StoredDocument> find(String id, String owner) {
        return repository.find(id, owner);
    }

    /** Queues every finished document of the owner again (after changing models, say); returns how many. */
    public int rerun(String owner) {
        int queued = 0;
        for (StoredDocument document : repository.byOwner(owner)) {
            if (document.status() != DocumentStatus.RUNNING && document.status() != DocumentStatus.QUEUED
                    && !(document.encrypted() && repository.password(document.id()).isEmpty())
                    && repository.requeue(document.id(), owner)) {
                queued++;
            }
        }
        return queued;
    }

    public boolean cancel(String id, String owner) {
        return repository.cancel(id, owner);
    }

    public boolean remove(String id, String owner) {
        repository.cancel(id, owner);
        return repository.delete(id, owner);
    }

    /** Longest PDF password kept (the column's size); longer ones are refused before they reach the database. */
    public static final int MAX_PASSWORD_LENGTH = 200;

    public boolean supplyPassword(String id, String owner, String password) {
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A PDF password has at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (repository.find(id, owner).isEmpty()) {
            return false;
        }
        repository.setPassword(id, password);
        return repository.requeue(id, owner);
    }

    public DocumentResults results(StoredDocument document) {
        return new DocumentResults(document, repository.pages(document.id()), repository.fields(document.id()),
                repository.tables(document.id()).stream().map(DocumentResults::table).toList());
    }
}
