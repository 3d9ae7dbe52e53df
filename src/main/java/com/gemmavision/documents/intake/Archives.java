package com.gemmavision.documents.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.gemmavision.documents.DocumentProperties;
import com.gemmavision.documents.Documents;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A ZIP of documents uploaded at once, read from its central directory (Commons Compress) with every bound
 * counted on the bytes actually inflated, never on what the archive's headers claim: at most as many files as a
 * user may keep documents, each within the file-size limit, {@value #MAX_TOTAL_FILES}× that in all, no archive
 * inside an archive, at most {@value #MAX_ENTRIES} entries of any kind. Folders and hidden files ({@code .x},
 * {@code __MACOSX/}) are counted but never inflated. Entry names are read as UTF-8 where the archive flags them
 * so, from an Info-ZIP Unicode field where there is one, and otherwise as CP437, the encoding Windows writes, so
 * {@code Rechnung-Müller.pdf} from an ordinary Windows ZIP keeps its name. An archive that breaks a bound (a ZIP
 * bomb) is refused whole, in words (413); a damaged or encrypted one is refused as unreadable (422); nothing of
 * either is kept, and every file it unpacked is deleted before the answer.
 */
public final class Archives {

    /** The whole archive may unpack to this many times the per-file limit. */
    static final int MAX_TOTAL_FILES = 4;

    /** Entries of any kind (folders and skipped names included) an archive may list. */
    static final int MAX_ENTRIES = 1_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private Archives() {}

    public record Unpacked(List<Documents.Upload> files, List<Documents.Rejection> rejected) {}

    public static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return Arrays.equals(head, ZIP);
        } catch (IOException e) {
            return false;
        }
    }

    /** Thrown inside {@link #unpack} when the archive is refused; carries the words and the status. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    public static Unpacked unpack(String archive, Path file, DocumentProperties limits) {
        List<Documents.Upload> files = new ArrayList<>();
        boolean kept = false;
        try {
            read(archive, file, limits, files);
            if (files.isEmpty()) {
                return new Unpacked(
                        List.of(), List.of(new Documents.Rejection(archive, archive + " holds no files.", 422)));
            }
            kept = true;
            return new Unpacked(files, List.of());
        } catch (Refusal e) {
            return new Unpacked(List.of(), List.of(new Documents.Rejection(archive, e.getMessage(), e.status)));
        } catch (IOException | RuntimeException e) {
            return new Unpacked(
                    List.of(),
                    List.of(new Documents.Rejection(
                            archive, archive + " is not a readable ZIP archive (damaged or truncated).", 422)));
        } finally {
            if (!kept) {
                delete(files);
            }
        }
    }

    private static void read(String archive, Path file, DocumentProperties limits, List<Documents.Upload> files)
            throws IOException, Refusal {
        long perFile = limits.maxFileSize().toBytes();
        long allowed = perFile * MAX_TOTAL_FILES;
        long total = 0;
        try (ZipFile zip = ZipFile.builder()
                .setPath(file)
                .setCharset("CP437")
                .setUseUnicodeExtraFields(true)
                .get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw new Refusal(
                        archive + " lists " + entries.size() + " entries; the most read is " + MAX_ENTRIES + ".", 413);
            }
            for (ZipArchiveEntry entry : entries) {
                String name = Documents.safeName(entry.getName());
                if (entry.isDirectory()
                        || name.startsWith(".")
                        || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new Refusal(
                            archive + " is encrypted (" + name + "); upload the documents themselves, or a ZIP"
                                    + " without a password.",
                            422);
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new Refusal(
                            archive + ": " + name + " is packed with a method this server does not read (use"
                                    + " ordinary deflate).",
                            422);
                }
                if (files.size() >= limits.maxDocuments()) {
                    throw new Refusal(
                            archive + " holds more than " + limits.maxDocuments()
                                    + " files, the most one user may keep.",
                            413);
                }
                Path out = TempFiles.create("unzipped");
                files.add(new Documents.Upload(name, out));
                long written;
                try (InputStream in = zip.getInputStream(entry)) {
                    written = copy(in, out, perFile + 1);
                }
                total += written;
                if (written > perFile) {
                    throw new Refusal(
                            archive + ": " + name + " unpacks to more than the "
                                    + limits.maxFileSize().toMegabytes() + " MB limit a file.",
                            413);
                }
                if (total > allowed) {
                    throw new Refusal(
                            archive + " unpacks to more than " + allowed / (1024 * 1024) + " MB; the limit is "
                                    + MAX_TOTAL_FILES + " × "
                                    + limits.maxFileSize().toMegabytes() + " MB.",
                            413);
                }
                if (isZip(out)) {
                    throw new Refusal(
                            archive + " holds another archive (" + name + "); upload the documents themselves.", 413);
                }
            }
        }
    }

    /** Copies at most {@code limit} bytes; returns how many were there (up to the limit). */
    private static long copy(InputStream in, Path out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream target = Files.newOutputStream(out)) {
            int read;
            while (written < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - written))) > 0) {
                target.write(buffer, 0, read);
                written += read;
            }
        }
        return written;
    }

    private static void delete(List<Documents.Upload> files) {
        for (Documents.Upload upload : files) {
            try {
                Files.deleteIfExists(upload.file());
            } catch (IOException ignored) {
                // in this process's temporary folder, swept at the next start
            }
        }
    }
}
