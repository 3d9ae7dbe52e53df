package com.gemmavision.documents.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link Ocr} runs Tesseract, given by whoever configures it (the documents' settings), so the text package
 * depends on nothing of the documents' own.
 *
 * @param tesseract the Tesseract command
 * @param languages Tesseract language codes, the first the default
 * @param dpi       resolution pages are rendered at for OCR
 * @param timeout   longest one page may take
 * @param scratch   folder for the page images handed to Tesseract (made when missing)
 */
public record OcrSettings(String tesseract, List<String> languages, int dpi, Duration timeout, Path scratch) {

    public OcrSettings {
        languages = List.copyOf(languages);
    }
}
