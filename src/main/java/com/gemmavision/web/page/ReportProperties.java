package com.gemmavision.web.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PDF reports ({@code gemmavision.reports.*}): how many are laid out at once (each takes a core for a second or
 * two) and how long a request waits for its turn before it is told to try again (503), so a burst of downloads
 * cannot starve the pages.
 */
@ConfigurationProperties("gemmavision.reports")
public record ReportProperties(int concurrent, Duration queueWait) {}
