package com.gemmavision.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
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
    /** Text for attributes such as tooltips, where emphasis cannot show: "*not* included" is "not included". */
    private final TextContentRenderer textRenderer =
            TextContentRenderer.builder().build();

    private final HtmlRenderer escapingRenderer =
            HtmlRenderer.builder().escapeHtml(true).build();
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private final Catalog catalog;

    public MarkdownContent(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Figures the report's data gives that explanatory text mentions, by name: the page text writes
     * {@code {{tokensPerImage}}} and the seeded value appears, so no published figure is copied into prose.
     */
    public Map<String, String> facts() {
        Architecture vision = catalog.architectures().stream()
                .filter(Architecture::hasVisionEncoder)
                .findFirst()
                .orElseThrow();
        Architecture textOnly = catalog.architectures().stream()
                .filter(a -> !a.hasVisionEncoder())
                .findFirst()
                .orElse(vision);
        return Map.of(
                "imageSize", String.valueOf(vision.imageSize()),
                "tokensPerImage", String.valueOf(vision.tokensPerImage()),
                "slidingWindow", String.format(Locale.ROOT, "%,d", vision.slidingWindow()),
                "textOnlyModel", textOnly.sizeLabel(),
                "textOnlyWindow", String.format(Locale.ROOT, "%,d", textOnly.slidingWindow()),
                "table3Context", catalog.reportFacts().table3Context());
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9]+)}}");

    private String withFacts(String text) {
        Map<String, String> facts = facts();
        return PLACEHOLDER.matcher(text).replaceAll(m -> {
            String fact = facts.get(m.group(1));
            if (fact == null) {
                throw new IllegalStateException("Content names an unknown fact: " + m.group());
            }
            return Matcher.quoteReplacement(fact);
        });
    }

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
    public String plain(String text) {
        return textRenderer.render(parser.parse(text)).strip();
    }

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
            return renderer.render(parser.parse(withFacts(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
