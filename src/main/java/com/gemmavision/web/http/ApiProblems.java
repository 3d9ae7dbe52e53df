package com.gemmavision.web.http;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The JSON API's refusals as Spring's {@link ProblemDetail} (RFC 9457, {@code application/problem+json}):
 * {@code type}, {@code title}, {@code status} and {@code detail}, the reason in words, plus the members scripts
 * already read: {@code error} (the same reason) and, where one parameter is at fault, {@code parameter}.
 */
public final class ApiProblems {

    private ApiProblems() {}

    /** A refusal with the status that fits, the reason in words and any further members. */
    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String reason, Map<String, ?> members) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setProperty("error", reason);
        members.forEach((name, value) -> {
            if (value != null) {
                problem.setProperty(name, value);
            }
        });
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A refusal naming the parameter at fault. */
    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String reason, String parameter) {
        return of(status, reason, parameter == null ? Map.of() : Map.of("parameter", parameter));
    }
}
