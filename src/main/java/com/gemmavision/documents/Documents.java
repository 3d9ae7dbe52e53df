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
            Optional<Rejection> problem = check(name, upload.content());
            if (problem.isPresent()) {
                rejected.add(problem.get());
                continue;
            }
            DocumentKind kind = DocumentKind.detect(upload.content()).orElseThrow();
            StoredDocument document = describe(owner, name, kind, upload.content());
            repository.insert(document, upload.content());
            accepted.add(document);
            kept++;
        }
        return new Outcome(accepted, rejected);
    }

    private Optional<Rejection> check(String name, byte[] content) {
        if (content.length == 0) {
            return Optional.of(new Rejection(name, name + " is empty.", 400));
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            return Optional.of(new Rejection(name, name + " is larger than the " + properties.maxFileSize().toMegabytes()
                    + " MB limit.", 413));
        }
        Optional<DocumentKind> kind = DocumentKind.detect(content);
        if (kind.isEmpty()) {
            return Optional.of(new Rejection(name, name + " is not a PDF, PNG or JPEG file (judged by its content, not"
                    + " its name).", 415));
        }
        return kind.get() == DocumentKind.PDF ? checkPdf(name, content) : checkImage(name, content);
    }

    private Optional<Rejection> checkPdf(String name, byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                return Optional.of(new Rejection(name, name + " has no pages.", 422));
            }
            if (pages > properties.maxPages()) {
                return Optional.of(new Rejection(name, name + " has " + String.format(Locale.ROOT, "%,d", pages)
                        + " pages; the limit is " + properties.maxPages() + ".", 413));
            }
            return Optional.empty();
        } catch (InvalidPasswordException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Rejection(name, name + " is not a readable PDF (damaged or truncated).", 422));
        }
    }

    private Optional<Rejection> checkImage(String name, byte[] content) {
        Optional<Dimension> size = imageSize(content);
        if (size.isEmpty()) {
            return Optional.of(new Rejection(name, name + " is not a readable image (damaged or truncated).", 422));
        }
        long pixels = (long) size.get().width * size.get().height;
        if (pixels > properties.maxPixels()) {
            return Optional.of(new Rejection(name, String.format(Locale.ROOT,
                    "%s is %,d × %,d pixels (%.1f megapixels); the limit is %s megapixels.", name, size.get().width,
                    size.get().height, pixels / 1e6, properties.maxMegapixelsText()), 413));
        }
        return Optional.empty();
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

    private StoredDocument describe(String owner, String name, DocumentKind kind, byte[] content) {
        Integer pages = null;
        boolean encrypted = false;
        Integer width = null;
        Integer height = null;
        if (kind == DocumentKind.PDF) {
            try (PDDocument pdf = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
                pages = pdf.getNumberOfPages();
            } catch (InvalidPasswordException e) {
                encrypted = true;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            Dimension size = imageSize(content).orElseThrow();
            width = size.width;
            height = size.height;
            pages = 1;
        }
        DocumentStatus status = encrypted ? DocumentStatus.FAILED : DocumentStatus.QUEUED;
        return new StoredDocument(UUID.randomUUID().toString(), owner, name, kind.mediaType(), content.length, status, 0,
                encrypted ? null : "Queued", encrypted ? "This PDF is encrypted: enter its password to read it." : null,
                pages, width, height, encrypted, Instant.now());
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

    public boolean supplyPassword(String id, String owner, String password) {
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
