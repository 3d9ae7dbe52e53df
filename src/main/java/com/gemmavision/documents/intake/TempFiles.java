package com.gemmavision.documents.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every temporary file the server writes (upload copies, unzipped entries, documents spooled for reading, OCR
 * images, PDFBox's scratch, multipart parts) lives in one folder of this process, {@code gemmavision-<pid>}
 * under the system's temporary folder. Each is deleted in a {@code finally} by whoever made it; what a crash or
 * {@code kill -9} leaves behind is deleted at the next start, folder by folder, for every process that is gone.
 */
public final class TempFiles {

    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private static final String PREFIX = "gemmavision-";

    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve(PREFIX + ProcessHandle.current().pid());

    private TempFiles() {}

    /** This process's folder, made when first asked for. */
    public static Path directory() {
        try {
            return Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty file in this process's folder; the caller deletes it. */
    public static Path create(String prefix) throws IOException {
        return Files.createTempFile(directory(), prefix, ".tmp");
    }

    /** PDFBox's scratch for one loaded PDF, in this process's folder, deleted when the document closes. */
    public static StreamCacheCreateFunction pdfScratch() {
        return MemoryUsageSetting.setupTempFileOnly().setTempDir(directory().toFile()).streamCache;
    }

    /** Deletes the folders of processes that are no longer running; returns how many. */
    public static int sweepDeadProcesses() {
        Path parent = DIRECTORY.getParent();
        int swept = 0;
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path folder : entries.filter(Files::isDirectory).toList()) {
                Optional<Long> pid = pidOf(folder.getFileName().toString());
                if (pid.isPresent()
                        && pid.get() != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid.get())
                                        .map(ProcessHandle::isAlive)
                                        .orElse(false)
                                == false) {
                    deleteTree(folder);
                    swept++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for temporary files left by stopped processes in {}: {}", parent, e.toString());
        }
        return swept;
    }

    static Optional<Long> pidOf(String name) {
        if (!name.startsWith(PREFIX) || !name.substring(PREFIX.length()).matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name.substring(PREFIX.length())));
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.toString());
        }
    }
}
