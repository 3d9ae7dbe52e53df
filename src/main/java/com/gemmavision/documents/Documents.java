package com.gemmavision.documents;

import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.XmlTree;
import com.gemmavision.documents.intake.Archives;
import com.gemmavision.documents.intake.DocumentContent;
import com.gemmavision.documents.intake.FreeSpace;
import com.gemmavision.documents.intake.PdfPasswords;
import com.gemmavision.documents.intake.TempFiles;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.processing.DocumentStatus;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts uploads after checking them by content (type from magic bytes, size, pages, pixels read from the
 * image header before any decoding), stores them for their owner and queues them; and the owner's actions on
 * them: rerun, cancel, remove, supply a PDF password.
 */
@Service
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final DocumentRepository repository;
    private final DocumentContent content;
    private final DocumentProperties properties;
    private final PdfPasswords passwords;
    private final TransactionTemplate transaction;
    private final Checkpoint checkpoint;
    private final FreeSpace freeSpace;
    private final Semaphore intake;

    public Documents(
            DocumentRepository repository,
            DocumentContent content,
            DocumentProperties properties,
            PdfPasswords passwords,
            PlatformTransactionManager transactions,
            Checkpoint checkpoint,
            FreeSpace freeSpace) {
        this.checkpoint = checkpoint;
        this.freeSpace = freeSpace;
        this.intake = new Semaphore(properties.concurrentIntake(), true);
        this.repository = repository;
        this.content = content;
        this.properties = properties;
        this.passwords = passwords;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A file as uploaded: the name the user gave and a temporary copy of its bytes, which the caller deletes. */
    public record Upload(String filename, Path file) {}

    /** Why a file was refused, and the HTTP status that fits. */
    public record Rejection(String filename, String message, int status) {}

    public record Outcome(List<StoredDocument> accepted, List<Rejection> rejected) {}

    public DocumentProperties limits() {
        return properties;
    }

    /**
     * Checks and stores each file. A file is acknowledged (in the outcome's accepted list) only once its row and
     * its bytes are committed and written to disk; the per-user limits are counted under a lock on the user's row, so parallel
     * uploads of one user cannot overshoot them.
     */
    /** How long an upload whose body has arrived waits for its turn to be checked and stored. */
    static final Duration INTAKE_WAIT = Duration.ofSeconds(30);

    /**
     * Checks and stores uploads whose bodies have arrived, at most {@code concurrent-intake} requests at once (a
     * PDF is opened to count its pages, a ZIP unpacked): the body is read under the upload gate's looser bound, the
     * work here under this one, so a slow sender holds a receiving slot but never an intake turn. Past the wait, a
     * 503 in words for each file.
     */
    public Outcome upload(String owner, List<Upload> uploads) {
        return upload(() -> owner, uploads);
    }

    /**
     * As {@link #upload(String, List)}, with the owner asked for only when a file passed its checks and is about to
     * be stored: an upload of nothing but refused files starts no session.
     */
    public Outcome upload(Supplier<String> owner, List<Upload> uploads) {
        boolean turn;
        try {
            turn = intake.tryAcquire(INTAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            return new Outcome(
                    List.of(),
                    uploads.stream()
                            .map(u -> new Rejection(
                                    safeName(u.filename()),
                                    "The server is checking as many uploads as it takes at once; try again in a"
                                            + " minute.",
                                    503))
                            .toList());
        }
        try {
            return intake(owner, uploads);
        } finally {
            intake.release();
        }
    }

    private Outcome intake(Supplier<String> owner, List<Upload> uploads) {
        List<StoredDocument> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Optional<String> shortage = freeSpace.shortage();
        if (shortage.isPresent()) {
            for (Upload upload : uploads) {
                rejected.add(new Rejection(safeName(upload.filename()), shortage.get(), 507));
            }
            return new Outcome(accepted, rejected);
        }
        List<Upload> files = new ArrayList<>();
        List<Path> unpacked = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                if (Archives.isZip(upload.file())) {
                    Archives.Unpacked archive = Archives.unpack(safeName(upload.filename()), upload.file(), properties);
                    unpacked.addAll(archive.files().stream().map(Upload::file).toList());
                    files.addAll(archive.files());
                    rejected.addAll(archive.rejected());
                } else {
                    files.add(upload);
                }
            }
            store(owner, files, accepted, rejected);
            if (!accepted.isEmpty()) {
                checkpoint.now();
            }
        } finally {
            for (Path file : unpacked) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up anyway
                }
            }
        }
        return new Outcome(accepted, rejected);
    }

    /**
     * Each file is checked and stored in a transaction of its own and reported on its own: a file that fails
     * unexpectedly is one rejection (with a reference in the log), never a 500 for a request whose other files
     * were kept.
     */
    private void store(
            Supplier<String> owners, List<Upload> uploads, List<StoredDocument> accepted, List<Rejection> rejected) {
        String owner = null;
        for (Upload upload : uploads) {
            String name = safeName(upload.filename());
            try {
                Inspection inspection = inspect(name, upload.file());
                if (inspection.rejection() != null) {
                    rejected.add(inspection.rejection());
                    continue;
                }
                String sha256 = sha256(upload.file());
                owner = owner == null ? owners.get() : owner;
                String who = owner;
                Rejection refusal = transaction.execute(status -> store(who, name, inspection, upload.file(), sha256));
                if (refusal == null) {
                    accepted.add(repository.find(inspection.id(), who).orElseThrow());
                } else {
                    rejected.add(refusal);
                }
            } catch (RuntimeException | StackOverflowError e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Storing upload {} failed (reference {})", name, reference, e);
                rejected.add(new Rejection(
                        name,
                        name + " could not be stored (reference " + reference
                                + " in the server log); the other files are not affected. Try it again.",
                        500));
            }
        }
    }

    private Rejection store(String owner, String name, Inspection inspection, Path file, String sha256) {
        repository.lockOwner(owner);
        Optional<String> same = repository.sameFile(owner, sha256);
        if (same.isPresent()) {
            return new Rejection(
                    name,
                    name + " is the same file as " + same.get() + ", which you uploaded already (SHA-256 "
                            + sha256.substring(0, 12) + "…); it is kept once.",
                    409);
        }
        if (repository.countByOwner(owner) >= properties.maxDocuments()) {
            return new Rejection(
                    name,
                    name + ": you already keep " + properties.maxDocuments()
                            + " documents, the limit; remove one first.",
                    409);
        }
        long waiting = repository.pagesWaiting(owner);
        int pages = inspection.pages() == null ? 1 : inspection.pages();
        if (waiting + pages > properties.maxQueuedPages()) {
            return new Rejection(
                    name,
                    String.format(
                            Locale.ROOT,
                            "%s: you have %,d pages waiting to be read and this"
                                    + " file adds %,d; the limit is %,d. Wait for them to finish, or cancel some.",
                            name,
                            waiting,
                            pages,
                            properties.maxQueuedPages()),
                    429);
        }
        StoredDocument document = describe(inspection.id(), owner, name, inspection, sizeOf(file));
        repository.insert(document);
        repository.sha256(document.id(), sha256);
        try {
            content.write(document.id(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** The file's SHA-256 in hex, read in a stream (an upload may be 25 MB). */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a file turned out to be when checked, read once: its type, and pages (PDF) or pixel size (image),
     * whether it is encrypted; or why it is refused.
     */
    private record Inspection(
            String id,
            Rejection rejection,
            DocumentKind kind,
            Integer pages,
            boolean encrypted,
            Integer width,
            Integer height) {

        static Inspection refused(String name, String message, int status) {
            return new Inspection(null, new Rejection(name, message, status), null, null, false, null, null);
        }

        static Inspection of(DocumentKind kind, Integer pages, boolean encrypted, Integer width, Integer height) {
            return new Inspection(UUID.randomUUID().toString(), null, kind, pages, encrypted, width, height);
        }
    }

    private Inspection inspect(String name, Path file) {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(16);
        } catch (IOException e) {
            return Inspection.refused(name, name + " could not be received completely; try again.", 400);
        }
        if (size == 0) {
            return Inspection.refused(name, name + " is empty.", 400);
        }
        if (size > properties.maxFileSize().toBytes()) {
            return Inspection.refused(
                    name,
                    name + " is larger than the " + properties.maxFileSize().toMegabytes() + " MB limit.",
                    413);
        }
        Optional<DocumentKind> kind = DocumentKind.detect(head);
        if (kind.isEmpty() && EInvoiceXml.looksLikeXml(head)) {
            return inspectXml(name, file);
        }
        if (kind.isEmpty()) {
            return Inspection.refused(
                    name,
                    name + " is not a PDF, PNG, JPEG, e-invoice XML or ZIP file (judged by its"
                            + " content, not its name).",
                    415);
        }
        return kind.get() == DocumentKind.PDF ? inspectPdf(name, file) : inspectImage(name, kind.get(), file);
    }

    /**
     * An XML upload is accepted when its root is a UBL or CII e-invoice, read without a DOCTYPE; only the prolog
     * and the root's start are read here, so the upload is answered at once. The worker reads the whole file,
     * within {@link XmlTree}'s bounds, and fails the document in words when it breaks one.
     */
    private Inspection inspectXml(String name, Path file) {
        try {
            if (Files.size(file) <= EInvoiceXml.MAX_BYTES && EInvoiceXml.hasInvoiceRoot(file)) {
                return Inspection.of(DocumentKind.XML, 1, false, null, null);
            }
        } catch (IOException e) {
            // refused below
        }
        return Inspection.refused(
                name,
                name + " is XML but not a UBL or CII e-invoice this server can read (documents"
                        + " with a DOCTYPE or entities are refused, as are files over "
                        + EInvoiceXml.MAX_BYTES / (1024 * 1024)
                        + " MB).",
                422);
    }

    private Inspection inspectPdf(String name, Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, TempFiles.pdfScratch())) {
            int pages = pdf.getNumberOfPages();
            if (pages <= 0) {
                return Inspection.refused(name, name + " has no pages (or a damaged page list).", 422);
            }
            if (pages > properties.maxPages()) {
                return Inspection.refused(
                        name,
                        name + " has " + String.format(Locale.ROOT, "%,d", pages) + " pages; the limit is "
                                + properties.maxPages() + ".",
                        413);
            }
            return Inspection.of(DocumentKind.PDF, pages, false, null, null);
        } catch (InvalidPasswordException e) {
            return Inspection.of(DocumentKind.PDF, null, true, null, null);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Inspection.refused(name, name + " is not a readable PDF (damaged or truncated).", 422);
        }
    }

    private Inspection inspectImage(String name, DocumentKind kind, Path file) {
        Optional<Dimension> size = imageSize(file);
        if (size.isEmpty() || !kind.complete(file)) {
            return Inspection.refused(name, name + " is not a readable image (damaged or truncated).", 422);
        }
        long pixels = (long) size.get().width * size.get().height;
        if (pixels > properties.maxPixels()) {
            return Inspection.refused(
                    name,
                    String.format(
                            Locale.ROOT,
                            "%s is %,d × %,d pixels (%.1f megapixels); the limit is %s megapixels.",
                            name,
                            size.get().width,
                            size.get().height,
                            pixels / 1e6,
                            properties.maxMegapixelsText()),
                    413);
        }
        return Inspection.of(kind, 1, false, size.get().width, size.get().height);
    }

    /** Width and height from the image header, without decoding the pixels. */
    static Optional<Dimension> imageSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
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

    private static StoredDocument describe(String id, String owner, String name, Inspection inspection, long size) {
        boolean encrypted = inspection.encrypted();
        return new StoredDocument(
                id,
                owner,
                name,
                inspection.kind().mediaType(),
                size,
                encrypted ? DocumentStatus.FAILED : DocumentStatus.QUEUED,
                0,
                encrypted ? null : "Queued",
                encrypted ? "This PDF is encrypted: enter its password to read it." : null,
                inspection.pages(),
                inspection.width(),
                inspection.height(),
                encrypted,
                Instant.now());
    }

    /** Longest file name kept, in characters (a character is never cut in half). */
    static final int MAX_NAME_LENGTH = 200;

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /**
     * Whether a code point belongs to the character before it: a combining accent, a variation selector, an
     * emoji skin tone, a joiner. A name is never cut in front of one, so no letter or emoji is split.
     */
    private static boolean joinsPrevious(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || codePoint == ZERO_WIDTH_JOINER
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
    }

    /** The name a user gave, without any folders, control or bidirectional characters, or excess length. */
    public static String safeName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        // control characters, and the bidirectional controls that make "invoice‮fdp.exe" show as "invoiceexe.pdf"
        name = name.replaceAll("[\\p{Cntrl}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "unnamed";
        }
        if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
            return name;
        }
        int cut = name.offsetByCodePoints(0, MAX_NAME_LENGTH - 1);
        while (cut > 0 && (joinsPrevious(name.codePointAt(cut)) || name.codePointBefore(cut) == ZERO_WIDTH_JOINER)) {
            cut = name.offsetByCodePoints(cut, -1);
        }
        return name.substring(0, cut) + "…";
    }

    public List<StoredDocument> list(String owner) {
        repository.touchOwner(owner);
        return repository.byOwner(owner);
    }

    /** Every six hours: documents of users who have not been back for the configured time go, with their results. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
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
            if (document.status() != DocumentStatus.RUNNING
                    && document.status() != DocumentStatus.QUEUED
                    && !(document.encrypted()
                            && repository.sealedPassword(document.id()).isEmpty())
                    && repository.requeue(document.id(), owner)) {
                queued++;
            }
        }
        return queued;
    }

    public boolean cancel(String id, String owner) {
        return repository.cancel(id, owner);
    }

    /**
     * Removes a document from the user's lists and stops its processing; the removal is on disk before the user
     * is told. For {@code gemmavision.documents.undo-for} it can be brought back ({@link #restore}); then it and
     * its results are deleted for good.
     */
    public boolean remove(String id, String owner) {
        repository.cancel(id, owner);
        boolean removed = repository.markRemoved(id, owner, Instant.now());
        if (removed) {
            checkpoint.now();
        }
        return removed;
    }

    /**
     * "Forget me": every document of the owner, removed ones too, is deleted for good with its stored file and
     * results (processing stops first); no Undo.
     */
    public void forget(String owner) {
        for (StoredDocument document : repository.byOwner(owner)) {
            repository.cancel(document.id(), owner);
        }
        repository.deleteOwner(owner);
        checkpoint.now();
    }

    /** Undo: brings a removed document back while it can be; one whose processing was stopped is queued again. */
    public boolean restore(String id, String owner) {
        boolean restored = repository.restore(id, owner, Instant.now().minus(properties.undoFor()));
        if (restored) {
            repository
                    .find(id, owner)
                    .filter(d -> d.status() == DocumentStatus.CANCELLED)
                    .ifPresent(d -> repository.requeue(id, owner));
            checkpoint.now();
        }
        return restored;
    }

    /** The owner's documents removed recently enough to be brought back, the newest first. */
    public List<StoredDocument> recentlyRemoved(String owner) {
        return repository.removedSince(owner, Instant.now().minus(properties.undoFor()));
    }

    /** Every minute: removed documents whose time for Undo has passed go, with their results. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public int purgeRemoved() {
        return repository.purgeRemoved(Instant.now().minus(properties.undoFor()));
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
        repository.setSealedPassword(id, passwords.seal(password));
        return repository.requeue(id, owner);
    }

    public DocumentResults results(StoredDocument document) {
        DocumentRepository.Fields fields = repository.allFields(document.id());
        return new DocumentResults(
                document,
                repository.pages(document.id()),
                fields.stated(),
                repository.tables(document.id()).stream()
                        .map(DocumentResults::table)
                        .toList(),
                repository.lineItems(document.id()),
                repository.transactions(document.id()),
                repository.textTokens(document.id()).orElse(null),
                fields.unsure());
    }
}
