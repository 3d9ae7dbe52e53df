package com.gemmavision.documents.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.gemmavision.documents.DocumentProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The disk space uploads need: the temporary folder (upload copies, unzipped entries, multipart parts) and, on
 * H2, the database's folder. Below {@code gemmavision.documents.min-free-space} uploads are refused in words
 * before anything is written, so the database keeps room for what users already have (sessions, corrections,
 * queued work) instead of failing under everyone at once.
 */
@Component
public class FreeSpace {

    private final long floor;
    private final List<Path> folders = new ArrayList<>();

    public FreeSpace(DocumentProperties properties, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.floor = properties.minFreeSpace().toBytes();
        folders.add(TempFiles.directory());
        h2Folder(databaseUrl).ifPresent(folders::add);
    }

    /** The folder of an H2 file database ({@code jdbc:h2:file:./data/gemmavision;...} is {@code ./data}). */
    static Optional<Path> h2Folder(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String file = url.substring(prefix.length()).split(";", 2)[0];
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return Optional.ofNullable(parent);
    }

    /** Why uploads are paused, or empty when every folder has room. */
    public Optional<String> shortage() {
        for (Path folder : folders) {
            long free;
            try {
                Path existing = folder;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null) {
                    continue;
                }
                free = Files.getFileStore(existing).getUsableSpace();
            } catch (IOException e) {
                continue;
            }
            if (free < floor) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "The server is short of disk space (%,d MB free where it keeps %s; it needs %,d MB), so"
                                + " uploads are paused until an operator frees some. Nothing was stored; your documents"
                                + " and results are safe.",
                        free / (1024 * 1024),
                        folder.equals(TempFiles.directory()) ? "temporary files" : "its database",
                        floor / (1024 * 1024)));
            }
        }
        return Optional.empty();
    }
}
