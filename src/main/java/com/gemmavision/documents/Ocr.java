package com.gemmavision.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Optical character recognition with Debian's Tesseract, run as a command: an image in, its lines of text
 * (wide gaps kept as two spaces) and the mean word confidence out. Whether Tesseract is there is checked
 * once, so a machine without it keeps its text-layer results and says why pages have no OCR.
 */
@Component
public class Ocr {

    private final DocumentProperties properties;
    private volatile Boolean available;

    public Ocr(DocumentProperties properties) {
        this.properties = properties;
    }

    public record Result(String text, double confidence) {
    }

    public boolean available() {
        Boolean current = available;
        if (current == null) {
            try {
                Process process = new ProcessBuilder(properties.tesseract(), "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                current = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                current = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                current = false;
            }
            available = current;
        }
        return current;
    }

    public Result read(BufferedImage image) throws IOException {
        Path input = Files.createTempFile("gemmavision-ocr", ".png");
        try {
            ImageIO.write(image, "png", input.toFile());
            List<String> command = List.of(properties.tesseract(), input.toString(), "stdout", "-l",
                    String.join("+", properties.ocrLanguages()), "--psm", "3", "--dpi", String.valueOf(properties.ocrDpi()),
                    "tsv");
            Process process = new ProcessBuilder(command).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> drain(process.getErrorStream()), "tesseract-stderr");
            drain.setDaemon(true);
            drain.start();
            try (InputStream stdout = process.getInputStream()) {
                stdout.transferTo(out);
            }
            if (!process.waitFor(properties.ocrTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("Tesseract took longer than " + properties.ocrTimeout().toSeconds() + " s");
            }
            drain.join(1000);
            if (process.exitValue() != 0) {
                throw new IOException("Tesseract failed with exit code " + process.exitValue());
            }
            return parseTsv(out.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("OCR interrupted", e);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static void drain(InputStream stream) {
        try (stream) {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the process is gone; nothing to keep
        }
    }

    /** Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text. */
    static Result parseTsv(String tsv) {
        Map<String, List<String[]>> lines = new TreeMap<>((a, b) -> {
            String[] x = a.split(":");
            String[] y = b.split(":");
            for (int i = 0; i < x.length; i++) {
                int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        double confidenceSum = 0;
        int words = 0;
        for (String row : tsv.split("\\R")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5") || cells[11].isBlank()) {
                continue;
            }
            lines.computeIfAbsent(cells[2] + ":" + cells[3] + ":" + cells[4], k -> new ArrayList<>()).add(cells);
            double confidence = Double.parseDouble(cells[10]);
            if (confidence >= 0) {
                confidenceSum += confidence;
                words++;
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String[]> line : lines.values()) {
            int lastEnd = Integer.MIN_VALUE;
            double charWidth = 10;
            StringBuilder out = new StringBuilder();
            for (String[] word : line) {
                int left = Integer.parseInt(word[6]);
                int width = Integer.parseInt(word[8]);
                if (lastEnd != Integer.MIN_VALUE) {
                    out.append(left - lastEnd > 2.5 * charWidth ? "  " : " ");
                }
                out.append(word[11]);
                lastEnd = left + width;
                charWidth = Math.max(4, width / (double) Math.max(1, word[11].length()));
            }
            text.append(out).append('\n');
        }
        return new Result(text.toString().strip(), words == 0 ? 0 : confidenceSum / words);
    }
}
