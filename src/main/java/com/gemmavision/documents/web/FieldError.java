package com.gemmavision.documents.web;

/** A correction refused: which field of which document, what the person typed (kept in the box) and why. */
public record FieldError(String documentId, String name, String typed, String message) {

    public boolean matches(String id, String field) {
        return documentId.equals(id) && name.equals(field);
    }
}
