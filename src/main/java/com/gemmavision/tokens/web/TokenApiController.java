package com.gemmavision.tokens.web;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.tokens.GemmaTokenizer;
import com.gemmavision.tokens.TokenCount;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tokens} with form field {@code text}: its Gemma 3 tokens, {@code {"tokens": n, "exact": true}},
 * for scripts. It changes nothing, so like the read-only API it needs no CSRF token; the text is bounded by
 * {@code gemmavision.tokens.max-characters} (and the server's form size).
 */
@RestController
class TokenApiController {

    private final GemmaTokenizer tokenizer;
    private final DataSize formLimit;

    TokenApiController(
            GemmaTokenizer tokenizer, @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        this.tokenizer = tokenizer;
        this.formLimit = formLimit;
    }

    record Refusal(String error, String parameter) {}

    @PostMapping(value = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> count(@RequestParam(required = false) String text, HttpServletRequest request) {
        int max = tokenizer.properties().maxCharacters();
        if (text == null) {
            // a body over the server's form limit arrives without its parameters
            boolean tooLarge = request.getContentLengthLong() > formLimit.toBytes();
            return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
                    .body(new Refusal(
                            tooLarge
                                    ? "The text is larger than the server reads in one form; send at most " + max
                                            + " characters."
                                    : "Send the text to count in the form field text.",
                            "text"));
        }
        if (text.length() > max) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(new Refusal(
                            "The text has " + text.length() + " characters; at most " + max + " are counted at once.",
                            "text"));
        }
        TokenCount count = tokenizer.countOrEstimate(text);
        return ResponseEntity.ok(count);
    }
}
