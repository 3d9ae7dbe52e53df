package com.gemmavision.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import com.gemmavision.documents.extraction.EInvoiceXml;

/** The file types accepted, recognised by their first bytes, never by name or declared type. */
public enum DocumentKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** A UBL or CII e-invoice on its own; recognised by parsing it as one (see {@link EInvoiceXml}). */
    XML("application/xml", new byte[0]);

    private final String mediaType;
    private final byte[] magic;

    DocumentKind(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isImage() {
        return this == PNG || this == JPEG;
    }

    public static Optional<DocumentKind> detect(byte[] content) {
        return Arrays.stream(values())
                .filter(kind -> kind.magic.length > 0 && startsWith(content, kind.magic))
                .findFirst();
    }

    /**
     * Whether an image file ends as its format requires (PNG's IEND chunk, JPEG's end-of-image marker within its
     * last 64 KiB, where cameras may append a trailer), so a truncated upload is refused at once instead of failing
     * later. PDFs end however they like.
     */
    public boolean complete(Path file) {
        if (this == PDF || this == XML) {
            return true;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            int tail = (int) Math.min(channel.size(), 64 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.position(channel.size() - tail);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the tail
            }
            byte[] end = buffer.array();
            if (this == PNG) {
                return indexOf(end, new byte[] {'I', 'E', 'N', 'D'}) >= 0;
            }
            return indexOf(end, new byte[] {(byte) 0xFF, (byte) 0xD9}) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = data.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static Optional<DocumentKind> byMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(kind -> kind.mediaType.equals(mediaType))
                .findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
