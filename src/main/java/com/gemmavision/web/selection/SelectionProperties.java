package com.gemmavision.web.selection;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults of the sidebar and the bounds on what a URL may ask for.
 *
 * @param defaultModels  checkpoints selected on a first visit
 * @param defaultQuants  quantization codes selected on a first visit
 * @param defaultKv      whether the KV cache is included on a first visit
 * @param maxValuesPerParameter values read from one repeated parameter; the rest are ignored with a notice
 * @param maxValueLength longest value read; longer ones are ignored with a notice
 */
@Validated
@ConfigurationProperties("gemmavision.selection")
public record SelectionProperties(
        @NotEmpty List<String> defaultModels,
        @NotEmpty List<String> defaultQuants,
        boolean defaultKv,
        @Min(1) int maxValuesPerParameter,
        @Min(8) int maxValueLength,
        @Min(1) int newSessionsPerClientPerMinute) {}
