package com.gemmavision.documents.web;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.documents.DocumentProperties;
import com.gemmavision.web.http.ContainerRefusal;
import com.gemmavision.web.http.ErrorPages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** An upload over the multipart limits is refused in words, with 413: the app's error page, or JSON. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final DocumentProperties limits;

    UploadLimitAdvice(DocumentProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    Object refused(Exception e, HttpServletRequest request) {
        // Tomcat's multipart parser drops the cause, so the gate's mark on the request is what tells
        if (UploadGate.cutForPace(request)) {
            ContainerRefusal refusal = ContainerRefusal.on(request);
            return ErrorPages.answer(
                    request,
                    HttpStatus.REQUEST_TIMEOUT,
                    refusal != null
                            ? refusal.message()
                            : "The upload arrived too slowly and was stopped; try again on a faster connection.");
        }
        boolean tooBig = e instanceof MaxUploadSizeExceededException || sizeLimit(e);
        HttpStatus status = tooBig ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String message = tooBig
                ? "The upload is larger than the limit of "
                        + limits.maxFileSize().toMegabytes() + " MB a file."
                : "The upload could not be read as a file upload (it was cut short, or its form data is malformed).";
        return ErrorPages.answer(request, status, message);
    }

    /** Whether the container refused the body for its size (not for a long part header, say). */
    private static boolean sizeLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }
}
