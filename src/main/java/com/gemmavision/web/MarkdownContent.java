package com.gemmavision.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * The explanatory texts of the page, kept as Markdown under {@code content/} and rendered to HTML once.
 * They are the app's own files (never user input), so their inline HTML, such as the MathML of the parameter
 * formula, is passed through.
 */
@Component
public class MarkdownContent {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();
    private final HtmlRenderer escapingRenderer =
            HtmlRenderer.builder().escapeHtml(true).build();
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    /** The HTML of {@code content/<name>.md}. */
    public String html(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a content name: " + name);
        }
        return rendered.computeIfAbsent(name, this::render);
    }

    /**
     * One line of text with Markdown emphasis (such as the seed's "*not* included") as inline HTML; any HTML
     * in the text is escaped.
     */
    public String inline(String text) {
        String html = escapingRenderer.render(parser.parse(text)).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    private String render(String name) {
        String path = "content/" + name + ".md";
        try (InputStream in = MarkdownContent.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No content at " + path);
            }
            return renderer.render(parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
