package com.gemmavision.web.page;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.gemmavision.database.Caches;
import com.gemmavision.web.http.Htmx;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a template fragment to text through the normal view resolver, and keeps the text of fragments
 * that depend on nothing but the selection. The report data never changes while the app runs, so a
 * selection's sections are rendered once and then served from memory: the hot path of every HTMX redraw.
 */
@Component
public class RenderedFragments {

    private final ViewResolver viewResolver;
    private final Cache cache;

    RenderedFragments(ViewResolver viewResolver, CacheManager caches) {
        this.viewResolver = viewResolver;
        this.cache = Objects.requireNonNull(caches.getCache(Caches.FRAGMENTS), Caches.FRAGMENTS);
    }

    /** A rendered fragment as the bytes that go out, with its entity tag. */
    record Rendered(byte[] body, String etag) {

        static Rendered of(String html) {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return new Rendered(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    /**
     * The HTMX answer for a selection: the fragment (from the cache when the request had nothing ignored, since
     * its notices belong to that request alone), with the canonical URL to push and a Vary on HX-Request. A cached
     * fragment is kept as UTF-8 bytes with a strong ETag, so a redraw the browser already holds is answered
     * {@code 304 Not Modified} with no body, and one it does not costs no re-encoding.
     */
    public ResponseEntity<byte[]> htmx(
            String viewName,
            String path,
            String query,
            boolean cacheable,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        Rendered rendered = cacheable
                ? cached(viewName, query, populator, request, response)
                : Rendered.of(render(viewName, populator, request, response));
        // Spring answers 304 with no body when the request's If-None-Match holds this ETag
        return ResponseEntity.ok()
                .contentType(HTML)
                .header(Htmx.PUSH_URL, path + "?" + query)
                .header(HttpHeaders.VARY, Htmx.REQUEST)
                .cacheControl(CacheControl.noCache())
                .eTag(rendered.etag())
                .body(rendered.body());
    }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** The fragment for a key, rendered with the model the populator fills only when it is not cached yet. */
    Rendered cached(
            String viewName,
            String key,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        String cacheKey = viewName + '?' + key;
        Rendered rendered = cache.get(cacheKey, Rendered.class);
        if (rendered == null) {
            rendered = Rendered.of(render(viewName, populator, request, response));
            cache.put(cacheKey, rendered);
        }
        return rendered;
    }

    /** A fragment as text, rendered now with the model the populator fills. */
    public String render(
            String viewName,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        ExtendedModelMap model = new ExtendedModelMap();
        populator.accept(model);
        View view = viewResolver.resolveViewName(viewName, Locale.ROOT);
        if (view == null) {
            throw new IllegalStateException("No view " + viewName);
        }
        CharArrayWriter text = new CharArrayWriter(32 * 1024);
        PrintWriter writer = new PrintWriter(text);
        view.render(model, request, new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return writer;
            }
        });
        writer.flush();
        return text.toString();
    }
}
