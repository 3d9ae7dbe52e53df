package com.gemmavision.documents.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import jakarta.servlet.ServletException;

import com.gemmavision.documents.DocumentProperties;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bounds how many request bodies are read at once. Reading a body holds a request thread for as long as the
 * client takes to send it, so a few hundred clients that send headers and then stall could hold every thread.
 * Past {@code gemmavision.documents.concurrent-uploads} uploads (multipart bodies), or
 * {@value #OTHER_BODIES} other requests with a body, a request is answered 503 at once, before its body is
 * read, and Tomcat is told not to drain the body but to close the connection, so a refused sender holds
 * nothing. Requests without a body (every page, fragment, download and health check) never wait here.
 * A Tomcat valve, because a servlet filter can neither stop the container draining the body nor run before
 * the container parses it for Spring Security's CSRF check.
 */
@Component
class UploadGate implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final int OTHER_BODIES = 64;

    private final int uploads;

    UploadGate(DocumentProperties properties) {
        this.uploads = properties.concurrentUploads();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new Gate(uploads, OTHER_BODIES));
    }

    /** The valve: a permit per body being read. */
    static final class Gate extends ValveBase {

        private final Semaphore multipart;
        private final Semaphore other;

        Gate(int uploads, int otherBodies) {
            super(true);
            this.multipart = new Semaphore(uploads);
            this.other = new Semaphore(otherBodies);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (!hasBody) {
                getNext().invoke(request, response);
                return;
            }
            String type = request.getContentType();
            Semaphore permits = type != null && type.regionMatches(true, 0, "multipart/", 0, 10) ? multipart : other;
            if (!permits.tryAcquire()) {
                refuse(request, response);
                return;
            }
            try {
                getNext().invoke(request, response);
            } finally {
                permits.release();
            }
        }

        private static void refuse(Request request, Response response) throws IOException {
            String message = "The server is receiving as many uploads as it takes at once; try again in a few seconds.";
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
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
                            : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy · GemmaVision-QuantAdvisor"
                                    + "</title></head><body><h1>GemmaVision-QuantAdvisor</h1><p>" + message
                                    + "</p><p><a href=\"/\">"
                                    + "Back to the overview</a></p></body></html>");
            response.finishResponse();
        }
    }
}
