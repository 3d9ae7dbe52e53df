package com.gemmavision.advisor.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults of the deployment advisor.
 *
 * @param defaultGpu             preset selected on a first visit
 * @param defaultContext         tokens per sequence
 * @param defaultOverheadGib     memory reserved for the runtime (CUDA context, activations, buffers): an
 *                               assumption the user can change, not a figure from the report
 * @param defaultHeadroomPercent share of GPU memory kept free
 * @param maxBatch               largest batch accepted
 * @param maxGpus                most GPUs pooled
 */
@Validated
@ConfigurationProperties("gemmavision.advisor")
public record AdvisorProperties(
        @NotBlank String defaultGpu,
        @Min(1) int defaultContext,
        @DecimalMin("0") double defaultOverheadGib,
        @Min(0) @Max(90) int defaultHeadroomPercent,
        @Min(1) int maxBatch,
        @Min(1) int maxGpus) {}
