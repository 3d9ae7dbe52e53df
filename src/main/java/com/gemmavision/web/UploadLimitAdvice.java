package com.gemmavision.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.documents.DocumentProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** An upload over the multipart limits is refused in words, with 413: the app's error page, or JSON. */
@ControllerAdvice
class UploadLimitAdvice {

    private final DocumentProperties limits;

    UploadLimitAdvice(DocumentProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    Object refused(Exception e, HttpServletRequest request, HttpServletResponse response) {
        boolean tooBig = e instanceof MaxUploadSizeExceededException
                || (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("size"));
        HttpStatus status = tooBig ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String message = tooBig
                ? "The upload is larger than the limit of " + limits.maxFileSize().toMegabytes() + " MB a file."
                : "The upload could not be read as a file upload.";
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", message);
        return page;
    }
}
