package com.gemmavision.web.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the app sees them (a request line or headers over the limits, say) get the
 * app's own short page instead of Tomcat's report, which names the server and its version.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(PlainErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, reduced to the status in the app's words. */
    public static class PlainErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ContainerRefusal refusal = ContainerRefusal.on(request);
            String message = "The request could not be handled (HTTP " + status + ").";
            if (refusal != null) {
                status = refusal.status();
                response.setStatus(status);
                message = refusal.message();
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error "
                            + status
                            + " · GemmaVision-QuantAdvisor</title></head><body><h1>GemmaVision-QuantAdvisor</h1>"
                            + "<p>" + message + "</p><p><a href=\"/\">Back to the"
                            + " overview</a></p></body></html>");
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client has gone or the response is committed; nothing more to say
            }
        }
    }
}
