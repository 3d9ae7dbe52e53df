package com.gemmavision.web;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.gemmavision.database.Caches;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
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

    /**
     * The HTMX answer for a selection: the fragment (from the cache when the request had nothing ignored, since
     * its notices belong to that request alone), with the canonical URL to push and a Vary on HX-Request.
     */
    public ResponseEntity<String> htmx(
            String viewName,
            String path,
            String query,
            boolean cacheable,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        String html = cacheable
                ? cached(viewName, query, populator, request, response)
                : render(viewName, populator, request, response);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("HX-Push-Url", path + "?" + query)
                .header("Vary", "HX-Request")
                .body(html);
    }

    /** The fragment for a key, rendered with the model the populator fills only when it is not cached yet. */
    String cached(
            String viewName,
            String key,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        String cacheKey = viewName + '?' + key;
        String html = cache.get(cacheKey, String.class);
        if (html == null) {
            html = render(viewName, populator, request, response);
            cache.put(cacheKey, html);
        }
        return html;
    }

    String render(
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
