package com.gemmavision.web.selection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * How many sessions (rows kept 30 days) one client address may start a minute
 * ({@code gemmavision.selection.new-sessions-per-client-per-minute}), whatever starts them: a selection the client
 * came back with, an accepted upload, a saved view. One address cannot fill the session table, nor the views and
 * documents that hang on sessions.
 */
@Component
public class SessionStarts {

    private final int perMinute;
    private final Map<String, long[]> started = new ConcurrentHashMap<>();

    public SessionStarts(SelectionProperties properties) {
        this.perMinute = properties.newSessionsPerClientPerMinute();
    }

    /** Whether {@code client} may start a session now, without counting one. */
    public boolean mayStart(String client) {
        long[] window = started.get(client);
        return window == null || window[0] != minute() || window[1] < perMinute;
    }

    /** Counts a new session of {@code client}; false when its budget for this minute is spent. */
    public boolean start(String client) {
        long minute = minute();
        if (started.size() > 10_000) {
            started.values().removeIf(window -> window[0] != minute);
        }
        long[] window = started.compute(client, (address, old) -> {
            long[] now = old == null || old[0] != minute ? new long[] {minute, 0} : old;
            now[1]++;
            return now;
        });
        return window[1] <= perMinute;
    }

    private static long minute() {
        return System.currentTimeMillis() / 60_000;
    }
}
