package com.gemmavision.web;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param fragments how many rendered selection fragments are kept in memory (least recently used go first)
 */
@Validated
@ConfigurationProperties("gemmavision.cache")
public record CacheProperties(@Min(0) int fragments) {
}
