package com.gemmavision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser-like HTTP client for flow tests: its own cookie jar, following redirects like a browser. */
public final class AppClient {

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public AppClient(int port) {
        this(port, new CookieManager());
    }

    private AppClient(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same cookie jar against a server on another port: the same browser after a server restart. */
    public AppClient withPort(int port) {
        return new AppClient(port, cookies);
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Sends a request line byte for byte, as a careless client would (unencoded "<", say): status and body. */
    public RawResponse raw(String pathAndQuery) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record RawResponse(int statusCode, String body) {}

    /** The CSRF header name and token of a page, as the page's script would send them. */
    public String[] csrf() {
        Document page = page("/");
        return new String[] {
            page.selectFirst("meta[name=_csrf_header]").attr("content"),
            page.selectFirst("meta[name=_csrf]").attr("content")
        };
    }

    /** A multipart POST of files under the field "file", with the CSRF token and the given extra headers. */
    public HttpResponse<String> upload(String path, Map<String, byte[]> files, String... headers) {
        String boundary = "----gemmavision" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] csrf = csrf();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(csrf[0], csrf[1])
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A JSON POST with the CSRF token, as a script with the session's cookie sends it. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    /** A form POST with the CSRF token. */
    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return post(path, "application/x-www-form-urlencoded", form, headers);
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        String[] csrf = csrf();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header(csrf[0], csrf[1])
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public Document page(String pathAndQuery) {
        return Jsoup.parse(get(pathAndQuery).body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
