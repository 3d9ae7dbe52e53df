package com.gemmavision.documents;

/** A key field with its evidence: the page and the text snippet it was read from, and a confidence (0 to 1). */
public record ExtractedField(String name, String value, Integer pageNumber, String snippet, double confidence) {
}
