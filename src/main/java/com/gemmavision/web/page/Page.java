package com.gemmavision.web.page;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The pages that share the layout (header, sidebar form, notices), by their template and address. */
public enum Page {
    HOME("index", "/"),
    ADVISOR("advisor", "/advisor");

    private final String template;
    private final String path;

    Page(String template, String path) {
        this.template = template;
        this.path = path;
    }

    /** The Thymeleaf template that renders the whole page. */
    public String template() {
        return template;
    }

    /** Where the page is served. */
    public String path() {
        return path;
    }

    /** The page's name as stored and posted ("home", "advisor"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Page> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
