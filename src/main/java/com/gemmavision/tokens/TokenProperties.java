package com.gemmavision.tokens;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token counting ({@code gemmavision.tokens.*}).
 *
 * @param charsPerToken characters per token for the estimate used where the tokenizer is not available
 * @param maxCharacters longest text {@code POST /api/tokens} counts
 * @param waitForTokenizer how long {@code POST /api/tokens} waits for the tokenizer, still loading right after
 *     start, before it answers an estimate instead (marked {@code exact: false})
 */
@Validated
@ConfigurationProperties("gemmavision.tokens")
public record TokenProperties(
        @DecimalMin("1.0") double charsPerToken, @Min(1) int maxCharacters, Duration waitForTokenizer) {

    public TokenProperties {
        waitForTokenizer = waitForTokenizer == null ? Duration.ofSeconds(15) : waitForTokenizer;
    }
}
