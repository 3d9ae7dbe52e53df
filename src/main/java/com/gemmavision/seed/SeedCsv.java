package com.gemmavision.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One seed CSV from {@code db/seed}, read whole: a header and its rows, cells as printed. */
record SeedCsv(String file, List<String> header, List<CSVRecord> rows, byte[] bytes) {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    static SeedCsv load(String file) {
        String path = "db/seed/" + file;
        try (InputStream in = SeedCsv.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Seed file missing from the classpath: " + path);
            }
            byte[] bytes = in.readAllBytes();
            try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
                    var parser = FORMAT.parse(reader)) {
                return new SeedCsv(file, List.copyOf(parser.getHeaderNames()), parser.getRecords(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + path, e);
        }
    }
}
