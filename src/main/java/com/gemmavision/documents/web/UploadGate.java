package com.gemmavision.documents.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.ServletException;

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
 * permit for seconds, not for as long as it likes. Requests without a body (every page, fragment, download and
 * health check) never wait here. A Tomcat valve, because a servlet filter can neither stop the container
 * draining the body nor run before the container parses it for Spring Security's CSRF check.
 */
@Component
class UploadGate implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final int OTHER_BODIES = 64;

    /** Whether the request's body was cut for arriving too slowly. */
    static boolean cutForPace(jakarta.servlet.http.HttpServletRequest request) {
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
        private long read;
        private boolean ended;
        volatile boolean tripped;

        Paced(InputBuffer body, long minBytesPerSecond, long graceNanos) {
            this(body, minBytesPerSecond, graceNanos, () -> {});
        }

        Paced(InputBuffer body, long minBytesPerSecond, long graceNanos, Runnable onTrip) {
            this.onTrip = onTrip;
            this.body = body;
            this.minBytesPerSecond = minBytesPerSecond;
            this.graceNanos = graceNanos;
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
            if (elapsed > graceNanos && read * 1_000_000_000d / elapsed < minBytesPerSecond) {
                if (!tripped) {
                    tripped = true;
                    onTrip.run();
                }
                throw new TooSlow("the upload arrived at " + read * 1_000_000_000L / elapsed / 1024 + " KB/s");
            }
        }

        @Override
        public int available() {
            return body.available();
        }
    }

    /** The valve: a permit per body being read, a few per client address, and a pace for each body. */
    static final class Gate extends ValveBase {

        private final Semaphore multipart;
        private final Semaphore other;
        private final int perClient;
        private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();
        private final long minBytesPerSecond;
        private final long graceNanos;

        Gate(int uploads, int perClient, int otherBodies, long minBytesPerSecond, long graceNanos) {
            super(true);
            this.multipart = new Semaphore(uploads);
            this.other = new Semaphore(otherBodies);
            this.perClient = perClient;
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
            if (upload && !claim(client)) {
                refuse(
                        request,
                        response,
                        429,
                        "You are already sending " + perClient + " uploads; wait for them to finish, then try"
                                + " again.");
                return;
            }
            Semaphore permits = upload ? multipart : other;
            if (!permits.tryAcquire()) {
                if (upload) {
                    unclaim(client);
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
                    + " KB/s on average) and was stopped; try again on a faster connection.";
            Paced paced = new Paced(
                    original, minBytesPerSecond, graceNanos, () -> new ContainerRefusal(408, tooSlow).putOn(request));
            coyote.setInputBuffer(paced);
            try {
                getNext().invoke(request, response);
            } finally {
                coyote.setInputBuffer(original);
                permits.release();
                if (upload) {
                    unclaim(client);
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

        private boolean claim(String client) {
            boolean[] granted = {false};
            byClient.compute(client, (address, held) -> {
                int now = held == null ? 0 : held;
                if (now >= perClient) {
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
