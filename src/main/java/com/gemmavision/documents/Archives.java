package com.gemmavision.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A ZIP of documents uploaded at once, unpacked with every bound counted on the bytes actually inflated, never on
 * what the archive's headers claim: at most as many entries as a user may keep documents, each entry within the
 * file-size limit, {@value #MAX_TOTAL_FILES}× that in all, no archive inside an archive. An archive that breaks a
 * bound (a ZIP bomb) is refused whole, in words; nothing of it is kept.
 */
final class Archives {

    /** The whole archive may unpack to this many times the per-file limit. */
    static final int MAX_TOTAL_FILES = 4;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private Archives() {}

    record Unpacked(List<Documents.Upload> files, List<Documents.Rejection> rejected) {}

    static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return Arrays.equals(head, ZIP);
        } catch (IOException e) {
            return false;
        }
    }

    static Unpacked unpack(String archive, Path file, DocumentProperties limits) {
        List<Documents.Upload> files = new ArrayList<>();
        long perFile = limits.maxFileSize().toBytes();
        long total = 0;
        long allowed = perFile * MAX_TOTAL_FILES;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || Documents.safeName(entry.getName()).startsWith(".")) {
                    continue;
                }
                if (files.size() >= limits.maxDocuments()) {
                    return refused(
                            archive,
                            files,
                            archive + " holds more than " + limits.maxDocuments()
                                    + " files, the most one user may keep.");
                }
                Path out = Files.createTempFile("gemmavision-unzipped", ".bin");
                files.add(new Documents.Upload(Documents.safeName(entry.getName()), out));
                long written = copy(zip, out, perFile + 1);
                total += written;
                if (written > perFile) {
                    return refused(
                            archive,
                            files,
                            archive + ": " + Documents.safeName(entry.getName()) + " unpacks to more" + " than the "
                                    + limits.maxFileSize().toMegabytes() + " MB limit a file.");
                }
                if (total > allowed) {
                    return refused(
                            archive,
                            files,
                            archive + " unpacks to more than " + allowed / (1024 * 1024) + " MB; the limit is "
                                    + MAX_TOTAL_FILES + " × "
                                    + limits.maxFileSize().toMegabytes() + " MB.");
                }
                if (isZip(out)) {
                    return refused(
                            archive,
                            files,
                            archive + " holds another archive (" + Documents.safeName(entry.getName())
                                    + "); upload the documents themselves.");
                }
            }
        } catch (ZipException e) {
            return refused(
                    archive, files, archive + " is not a readable ZIP archive (damaged, encrypted or truncated).");
        } catch (IOException e) {
            return refused(archive, files, archive + " could not be unpacked.");
        }
        if (files.isEmpty()) {
            return new Unpacked(
                    List.of(), List.of(new Documents.Rejection(archive, archive + " holds no files.", 422)));
        }
        return new Unpacked(files, List.of());
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

    private static Unpacked refused(String archive, List<Documents.Upload> files, String message) {
        for (Documents.Upload upload : files) {
            try {
                Files.deleteIfExists(upload.file());
            } catch (IOException ignored) {
                // temporary
            }
        }
        return new Unpacked(List.of(), List.of(new Documents.Rejection(archive, message, 413)));
    }
}
