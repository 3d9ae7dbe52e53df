package com.gemmavision.database;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sizes of the app's caches (Caffeine, through Spring's cache abstraction); least recently used entries go first.
 *
 * @param report    data sets read from the seeded report tables (each repository method is one entry)
 * @param fragments rendered HTML fragments of selections
 * @param advice    advisor answers, by request
 */
@Validated
@ConfigurationProperties("gemmavision.cache")
public record CacheProperties(
        @Min(1) int report, @Min(0) int fragments, @Min(0) int advice) {}
