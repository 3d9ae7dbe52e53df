package com.gemmavision.documents.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.documents.DocumentProperties;
import com.gemmavision.web.http.ContainerRefusal;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bounds how many request bodies are read at once, and how slowly. Reading a body holds a request thread for as
 * long as the client takes to send it, so a few hundred clients that send headers and then stall could hold
 * every thread. Past {@code gemmavision.documents.concurrent-uploads} uploads (multipart bodies), past
 * {@code concurrent-uploads-per-client} of them from one client address, or past {@value #OTHER_BODIES} other
 * requests with a body, a request is answered at once (503, or 429 for one client's excess), before its body is
 * read, and Tomcat is told not to drain the body but to close the connection, so a refused sender holds nothing.
 * A body being read must arrive at {@code min-upload-rate} on average once {@code upload-grace} has passed, or its
 * next read fails and the connection is closed with a 408: a sender trickling a byte every few seconds holds its
 * permit for seconds, not for as long as it likes. Slow senders cannot take the slots within that floor either:
 * a body slower than a fair pace moves to a slow lane of a few slots (cut when it is full), and one address block
 * (/24, /64) sends at most twice what one address may. Requests without a body (every page, fragment, download and
 * health check) never wait here. A Tomcat valve, because a servlet filter can neither stop the container
 * draining the body nor run before the container parses it for Spring Security's CSRF check.
 */
@Component
class UploadGate implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final int OTHER_BODIES = 64;

    /** Whether the request's body was cut for arriving too slowly. */
    static boolean cutForPace(HttpServletRequest request) {
        ContainerRefusal refusal = ContainerRefusal.on(request);
        return refusal != null && refusal.status() == 408;
    }

    private final DocumentProperties properties;

    UploadGate(DocumentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new Gate(
                properties.concurrentUploads(),
                properties.concurrentUploadsPerClient(),
                OTHER_BODIES,
                properties.minUploadRate().toBytes(),
                properties.uploadGrace().toNanos()));
    }

    /** Thrown by a body's read when it has arrived too slowly; the connection is then closed. */
    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    /**
     * A request's input, counted: each read that leaves the body behind the minimum rate fails. A body that has
     * reached its end is never judged again, however long the server then takes over it.
     */
    static final class Paced implements InputBuffer {
        private final InputBuffer body;
        private final long started = System.nanoTime();
        private final long minBytesPerSecond;
        private final long graceNanos;
        private final Runnable onTrip;
        private final Lane lane;
        private long read;
        private boolean ended;
        volatile boolean tripped;

        Paced(InputBuffer body, long minBytesPerSecond, long graceNanos) {
            this(body, minBytesPerSecond, graceNanos, () -> {}, null);
        }

        Paced(InputBuffer body, long minBytesPerSecond, long graceNanos, Runnable onTrip, Lane lane) {
            this.onTrip = onTrip;
            this.body = body;
            this.minBytesPerSecond = minBytesPerSecond;
            this.graceNanos = graceNanos;
            this.lane = lane;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            if (ended) {
                return body.doRead(handler);
            }
            check();
            int n = body.doRead(handler);
            if (n > 0) {
                read += n;
            } else if (n < 0) {
                ended = true;
                return n;
            }
            check();
            return n;
        }

        private void check() throws TooSlow {
            long elapsed = System.nanoTime() - started;
            double rate = elapsed == 0 ? Double.MAX_VALUE : read * 1_000_000_000d / elapsed;
            boolean slow = elapsed > graceNanos && rate < minBytesPerSecond;
            if (!slow && lane != null && elapsed > FAIR_PACE_AFTER_NANOS && rate < lane.fairBytesPerSecond()) {
                // slower than a fair pace: it goes on in the slow lane, or stops when that is full
                slow = !lane.demote();
            }
            if (slow) {
                if (!tripped) {
                    tripped = true;
                    onTrip.run();
                }
                throw new TooSlow("the upload arrived at " + (long) rate / 1024 + " KB/s");
            }
        }

        @Override
        public int available() {
            return body.available();
        }
    }

    /** How long a body goes before its pace is compared with the fair pace. */
    static final long FAIR_PACE_AFTER_NANOS = 3_000_000_000L;

    /**
     * Where an upload body is being received: a permit of the main pool, until it turns out slower than a fair
     * pace ({@value #FAIR_BYTES_PER_SECOND} bytes/s on average after 3 s), when it moves to the small slow lane, so
     * slow senders, however many and from wherever, share a few slots and the rest stay free for ordinary uploads.
     */
    static final class Lane {
        private final Semaphore main;
        private final Semaphore slow;
        private final long fairBytesPerSecond;
        private boolean inSlow;

        Lane(Semaphore main, Semaphore slow, long fairBytesPerSecond) {
            this.main = main;
            this.slow = slow;
            this.fairBytesPerSecond = fairBytesPerSecond;
        }

        long fairBytesPerSecond() {
            return fairBytesPerSecond;
        }

        /** Moves the body to the slow lane; false when the slow lane is full (the body is then cut). */
        synchronized boolean demote() {
            if (inSlow) {
                return true;
            }
            if (!slow.tryAcquire()) {
                return false;
            }
            inSlow = true;
            main.release();
            return true;
        }

        synchronized void release() {
            (inSlow ? slow : main).release();
        }
    }

    /** A fair pace for an upload body: a 25 MB file in under seven minutes. */
    static final long FAIR_BYTES_PER_SECOND = 64 * 1024;

    /** The address block a client address belongs to: its /24 for IPv4, its /64 for IPv6. */
    static String network(String address) {
        if (address == null) {
            return "";
        }
        if (address.indexOf(':') >= 0) {
            String[] groups = address.split(":", -1);
            return groups.length >= 4 ? String.join(":", Arrays.copyOf(groups, 4)) + "::/64" : address;
        }
        int last = address.lastIndexOf('.');
        return last > 0 ? address.substring(0, last) + ".0/24" : address;
    }

    /** The valve: a permit per body being read, a few per client address, and a pace for each body. */
    static final class Gate extends ValveBase {

        private final Semaphore multipart;
        private final Semaphore slowLane;
        private final Semaphore other;
        private final int perClient;
        private final int perNetwork;
        private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();
        private final long minBytesPerSecond;
        private final long graceNanos;

        Gate(int uploads, int perClient, int otherBodies, long minBytesPerSecond, long graceNanos) {
            super(true);
            this.multipart = new Semaphore(uploads);
            this.slowLane = new Semaphore(Math.max(2, uploads / 8));
            this.other = new Semaphore(otherBodies);
            this.perClient = perClient;
            this.perNetwork = Math.min(uploads / 2, 2 * perClient);
            this.minBytesPerSecond = minBytesPerSecond;
            this.graceNanos = graceNanos;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (!hasBody) {
                getNext().invoke(request, response);
                return;
            }
            String type = request.getContentType();
            boolean upload = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
            String client = request.getRemoteAddr();
            if (upload && !claim(client, perClient)) {
                refuse(
                        request,
                        response,
                        429,
                        "You are already sending " + perClient + " uploads; wait for them to finish, then try"
                                + " again.");
                return;
            }
            String block = "net " + network(client);
            if (upload && !claim(block, perNetwork)) {
                unclaim(client);
                refuse(
                        request,
                        response,
                        429,
                        "Your network is already sending " + perNetwork + " uploads; wait for them to finish, then"
                                + " try again.");
                return;
            }
            Semaphore permits = upload ? multipart : other;
            if (!permits.tryAcquire()) {
                if (upload) {
                    unclaim(client);
                    unclaim(block);
                }
                refuse(
                        request,
                        response,
                        503,
                        "The server is receiving as many uploads as it takes at once; try again in a few seconds.");
                return;
            }
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            InputBuffer original = coyote.getInputBuffer();
            String tooSlow = "The upload arrived too slowly (under " + minBytesPerSecond / 1024
                    + " KB/s on average, or under " + FAIR_BYTES_PER_SECOND / 1024
                    + " KB/s while the slots for slow uploads were all taken) and was stopped; try again on a faster"
                    + " connection.";
            Lane lane = upload ? new Lane(multipart, slowLane, FAIR_BYTES_PER_SECOND) : null;
            Paced paced = new Paced(
                    original,
                    minBytesPerSecond,
                    graceNanos,
                    () -> new ContainerRefusal(408, tooSlow).putOn(request),
                    lane);
            coyote.setInputBuffer(paced);
            try {
                getNext().invoke(request, response);
            } finally {
                coyote.setInputBuffer(original);
                if (lane != null) {
                    lane.release();
                } else {
                    permits.release();
                }
                if (upload) {
                    unclaim(client);
                    unclaim(block);
                }
            }
            if (!paced.tripped) {
                return;
            }
            // The rest of a body cut for its pace is not drained (at the sender's pace it would hold the thread
            // as long as it likes): the connection closes after the answer.
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            if (!response.isCommitted()) {
                // Spring Security, reading the form's CSRF field from the cut body, may have refused it (403)
                response.reset();
                refuse(request, response, 408, tooSlow);
            }
        }

        private boolean claim(String client, int limit) {
            boolean[] granted = {false};
            byClient.compute(client, (address, held) -> {
                int now = held == null ? 0 : held;
                if (now >= limit) {
                    return now;
                }
                granted[0] = true;
                return now + 1;
            });
            return granted[0];
        }

        private void unclaim(String client) {
            byClient.computeIfPresent(client, (address, held) -> held <= 1 ? null : held - 1);
        }

        private static void refuse(Request request, Response response, int status, String message) throws IOException {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setStatus(status);
            if (status != 408) {
                response.setHeader("Retry-After", "5");
            }
            response.setHeader("Connection", "close");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String accept = request.getHeader("Accept");
            boolean json = accept != null && accept.contains("application/json");
            response.setContentType(json ? "application/json" : "text/html");
            Writer writer = response.getWriter();
            writer.write(
                    json
                            ? "{\"error\":\"" + message + "\"}"
                            : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Upload refused · GemmaVision-QuantAdvisor"
                                    + "</title></head><body><h1>GemmaVision-QuantAdvisor</h1><p>" + message
                                    + "</p><p><a href=\"/\">"
                                    + "Back to the overview</a></p></body></html>");
            response.finishResponse();
        }
    }
}
