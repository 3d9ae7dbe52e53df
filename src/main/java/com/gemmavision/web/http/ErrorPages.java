package com.gemmavision.web.http;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error answer is the app's own, in words and with a status that fits: a refusal raised by a controller
 * or by Spring MVC's request binding keeps its reason (the app's error page, or JSON for clients that ask for
 * it), and the {@code /error} page the container forwards to takes the status it was given; asked for directly,
 * it is a page that does not exist (404), not a server error.
 */
public final class ErrorPages {

    private ErrorPages() {}

    /** Whether the answer should be JSON: asked for it, or an API path (a script's error is never a page). */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String uri ? uri : request.getRequestURI();
        return (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html"))
                || (path != null && path.startsWith("/api/"));
    }

    public static Object answer(HttpServletRequest request, HttpStatusCode status, String detail) {
        if (wantsJson(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", detail == null || detail.isBlank() ? inWords(status) : detail));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }

    /** What a status means for the one who sent the request, and what to do, for refusals that carry no reason. */
    static String inWords(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 ->
                "The request could not be read: check its parameters, or that its body is the JSON the API"
                        + " takes (see the README), and send it again.";
            case 403 ->
                "The request was refused: send it from the app's page, or with its CSRF token (the"
                        + " XSRF-TOKEN cookie, sent back as the X-XSRF-TOKEN header).";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 406 -> "This address cannot answer in the format asked for; ask for JSON or HTML.";
            case 408 -> "The request arrived too slowly and was stopped; send it again on a faster connection.";
            case 413 -> "The request is larger than this server takes.";
            case 415 -> "This address does not take a body of that type; send JSON (Content-Type: application/json).";
            case 429 -> "Too many requests from you just now; wait a little and try again.";
            default ->
                status.is5xxServerError()
                        ? "The server could not answer this request; try again in a moment."
                        : "The request was refused (HTTP " + status.value() + ").";
        };
    }

    /** Refusals raised while handling a request, with the reason they carry. */
    @ControllerAdvice
    static class Refusals {

        /**
         * Spring's own refusals (a missing or malformed parameter, a wrong method) and the app's
         * {@code ResponseStatusException}s all carry a status and a reason; anything else goes on to the usual
         * resolvers (Spring passes on an exception its handler rethrows unchanged).
         */
        @ExceptionHandler(Exception.class)
        Object refused(Exception e, HttpServletRequest request) throws Exception {
            if (!(e instanceof ErrorResponse refusal) || refusal.getStatusCode().is5xxServerError()) {
                throw e;
            }
            return answer(request, refusal.getStatusCode(), refusal.getBody().getDetail());
        }
    }

    /** The page the container forwards errors to. */
    @Controller
    static class Forwarded implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        Object error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            ContainerRefusal refusal = ContainerRefusal.on(request);
            if (refusal != null) {
                return answer(request, HttpStatus.valueOf(refusal.status()), refusal.message());
            }
            HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
            if (status == HttpStatus.CONTENT_TOO_LARGE && wantsJson(request)) {
                // the container refused a form over server.tomcat.max-http-form-post-size before the API saw it
                return answer(
                        request,
                        status,
                        "The form is larger than the server reads; send long text as JSON, {\"text\": \"...\"}.");
            }
            return answer(request, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, null);
        }
    }
}
