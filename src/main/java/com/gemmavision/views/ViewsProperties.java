package com.gemmavision.views;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Team views ({@code gemmavision.views.*}): how many the server keeps, how long a name, note and author may be,
 * how many characters a short link's slug has, how many one session may save, how many the list shows a page,
 * how many one client address may save a day (whatever sessions it starts), and the admin token that may rename or
 * delete any view (empty: none).
 */
@ConfigurationProperties("gemmavision.views")
public record ViewsProperties(
        int maxViews,
        int maxName,
        int maxNote,
        int maxAuthor,
        int slugLength,
        int maxViewsPerSession,
        int pageSize,
        String adminToken,
        int maxViewsPerClientPerDay) {

    public ViewsProperties {
        maxViewsPerSession = maxViewsPerSession <= 0 ? 50 : maxViewsPerSession;
        pageSize = pageSize <= 0 ? 50 : pageSize;
        adminToken = adminToken == null ? "" : adminToken;
        maxViewsPerClientPerDay = maxViewsPerClientPerDay <= 0 ? 100 : maxViewsPerClientPerDay;
    }
}
