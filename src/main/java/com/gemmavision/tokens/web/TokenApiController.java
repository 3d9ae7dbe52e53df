package com.gemmavision.tokens.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.tokens.GemmaTokenizer;
import com.gemmavision.tokens.TokenCount;
import com.gemmavision.web.http.ApiProblems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tokens} with form field {@code text}, or a JSON body {@code {"text": "..."}}: its Gemma 3
 * tokens, {@code {"tokens": n, "exact": true}}, for scripts. It changes nothing, so like the read-only API it needs
 * no CSRF token. The text is bounded by {@code gemmavision.tokens.max-characters}; a form also by the server's form
 * size (64 KB, about 7,000 CJK characters once URL-encoded), so long text goes as JSON, whose body is read up to
 * four bytes a character and no further.
 */
@RestController
class TokenApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GemmaTokenizer tokenizer;

    TokenApiController(GemmaTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    record TokenRequest(String text) {}

    @PostMapping(
            value = "/api/tokens",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> countJson(HttpServletRequest request) throws IOException {
        int max = tokenizer.properties().maxCharacters();
        long limit = 4L * max + 1024;
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) limit + 1);
        }
        if (body.length > limit) {
            return ApiProblems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The text is longer than the " + max + " characters counted at once.",
                    "text");
        }
        String text;
        try {
            TokenRequest parsed = JSON.readValue(body, TokenRequest.class);
            text = parsed == null ? null : parsed.text();
        } catch (JacksonException e) {
            text = null;
        }
        if (text == null) {
            return ApiProblems.of(
                    HttpStatus.BAD_REQUEST, "Send JSON {\"text\": \"...\"} with the text to count.", "text");
        }
        return count(text, max);
    }

    @PostMapping(value = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> count(@RequestParam(required = false) String text) {
        int max = tokenizer.properties().maxCharacters();
        // a form over server.tomcat.max-http-form-post-size never gets here: the container answers 413, and the
        // error page tells an API client to send JSON
        if (text == null) {
            return ApiProblems.of(HttpStatus.BAD_REQUEST, "Send the text to count in the form field text.", "text");
        }
        return count(text, max);
    }

    private ResponseEntity<?> count(String text, int max) {
        if (text.length() > max) {
            return ApiProblems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The text has " + text.length() + " characters; at most " + max + " are counted at once.",
                    "text");
        }
        TokenCount count =
                tokenizer.countOrEstimate(text, tokenizer.properties().waitForTokenizer());
        return ResponseEntity.ok(count);
    }
}
