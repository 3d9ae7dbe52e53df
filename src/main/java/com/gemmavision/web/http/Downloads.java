package com.gemmavision.web.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses that download a table as CSV or a chart as a standalone SVG file. */
public final class Downloads {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

    private Downloads() {}

    /**
     * A table as a CSV download. Every cell, the header's included, goes through {@link #cell}: a value a user or a
     * supplier's XML wrote ({@code =HYPERLINK(...)} as a seller name) opens in a spreadsheet as text, never as a
     * formula.
     */
    public static ResponseEntity<String> csv(String filename, List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180
                .builder()
                .setHeader(header.stream().map(Downloads::cell).toArray(String[]::new))
                .get()
                .print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Downloads::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachment(filename, CSV, out.toString());
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d{1,30}(?:\\.\\d{1,30})?");

    /**
     * OWASP's rule against CSV injection: a cell that starts with {@code = + - @}, a tab or a carriage return is
     * prefixed with a single quote, so spreadsheets show it as text. A plain signed number ({@code -12.50}) is left
     * as it is: a spreadsheet reads it as that number, not as a formula, and finance users sum it.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean trigger =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    public static ResponseEntity<String> svg(String filename, String svg) {
        return attachment(filename, SVG, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg);
    }

    /** A PDF to save, under its name. */
    public static ResponseEntity<byte[]> pdf(String filename, byte[] pdf) {
        return attachment(filename, MediaType.APPLICATION_PDF, pdf);
    }

    private static <T> ResponseEntity<T> attachment(String filename, MediaType type, T body) {
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        // a name beyond ASCII (an uploaded "Müller.pdf") goes as RFC 5987 UTF-8, which every browser reads
        boolean ascii = filename.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        disposition = ascii ? disposition.filename(filename) : disposition.filename(filename, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .body(body);
    }
}
