package com.gemmavision.documents.text;

import java.util.Locale;

/**
 * The engine that reads a page in the first configured language. Pages found to be in another language are read
 * by Tesseract in that language either way: PP-OCR's character list has few accented letters.
 */
public enum OcrEngine {
    /** Debian's Tesseract, run as a command. */
    TESSERACT,
    /** PaddleOCR's PP-OCRv4 networks in ONNX Runtime, shipped in the app ({@link PaddleOcr}). */
    PP_OCR;

    /** From a setting: {@code tesseract} or {@code pp-ocr}, any case; PP-OCR when the setting is left out. */
    public static OcrEngine of(String setting) {
        String folded =
                setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (folded) {
            case "tesseract" -> TESSERACT;
            case "", "pp-ocr", "ppocr", "paddle" -> PP_OCR;
            default ->
                throw new IllegalArgumentException(
                        "gemmavision.documents.ocr-engine must be tesseract or pp-ocr; got \"" + setting + "\"");
        };
    }
}
