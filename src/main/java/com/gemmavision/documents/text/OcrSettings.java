package com.gemmavision.documents.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Ocr} reads pages, given by whoever configures it (the documents' settings), so the text package
 * depends on nothing of the documents' own.
 *
 * @param tesseract the Tesseract command
 * @param languages Tesseract language codes, the first the default
 * @param dpi       resolution pages are rendered at for OCR
 * @param timeout   longest one page may take in Tesseract
 * @param scratch   folder for the page images handed to Tesseract (made when missing)
 * @param engine    which engine reads a page in the first language
 * @param models    folder with PP-OCR's model files named as the shipped ones, or null for the shipped ones
 * @param threads   threads PP-OCR may use for one page
 */
public record OcrSettings(
        String tesseract,
        List<String> languages,
        int dpi,
        Duration timeout,
        Path scratch,
        OcrEngine engine,
        Path models,
        int threads) {

    public OcrSettings {
        languages = List.copyOf(languages);
        Objects.requireNonNull(engine, "engine");
        threads = Math.max(1, threads);
    }

    /** Tesseract alone, as before PP-OCR was there. */
    public OcrSettings(String tesseract, List<String> languages, int dpi, Duration timeout, Path scratch) {
        this(tesseract, languages, dpi, timeout, scratch, OcrEngine.TESSERACT, null, 1);
    }
}
