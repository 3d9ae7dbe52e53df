package com.gemmavision.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** An upload over the multipart limits is refused in words, with 413, whatever the client. */
@RestControllerAdvice
class UploadLimitAdvice {

    private final com.gemmavision.documents.DocumentProperties limits;

    UploadLimitAdvice(com.gemmavision.documents.DocumentProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    ResponseEntity<?> tooLarge(Exception e, HttpServletRequest request) {
        boolean tooBig = e instanceof MaxUploadSizeExceededException
                || (e.getMessage() != null && e.getMessage().toLowerCase().contains("size"));
        HttpStatus status = tooBig ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String message = tooBig
                ? "The upload is larger than the limit of " + limits.maxFileSize().toMegabytes() + " MB a file."
                : "The upload could not be read as a file upload.";
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", message));
        }
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Upload refused</title>"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"content\"><h2>Upload refused</h2>"
                + "<p class=\"upload-error\">" + message + "</p><p>Nothing you uploaded before is lost. <a href=\"/\">Back to the"
                + " overview</a>.</p></main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
