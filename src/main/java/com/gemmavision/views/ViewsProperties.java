package com.gemmavision.views;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Team views ({@code gemmavision.views.*}): how many the server keeps, how long a name, note and author may be,
 * and how many characters a short link's slug has.
 */
@ConfigurationProperties("gemmavision.views")
public record ViewsProperties(int maxViews, int maxName, int maxNote, int maxAuthor, int slugLength) {}
