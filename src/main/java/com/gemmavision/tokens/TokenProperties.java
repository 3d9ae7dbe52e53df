package com.gemmavision.tokens;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token counting ({@code gemmavision.tokens.*}).
 *
 * @param charsPerToken characters per token for the estimate used where the tokenizer is not available
 * @param maxCharacters longest text {@code POST /api/tokens} counts
 */
@Validated
@ConfigurationProperties("gemmavision.tokens")
public record TokenProperties(
        @DecimalMin("1.0") double charsPerToken, @Min(1) int maxCharacters) {}
