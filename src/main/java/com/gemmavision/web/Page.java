package com.gemmavision.web;

/** The pages that share the layout (header, sidebar form, notices), by their template. */
public enum Page {
    HOME("index"),
    ADVISOR("advisor");

    private final String template;

    Page(String template) {
        this.template = template;
    }

    /** The Thymeleaf template that renders the whole page. */
    public String template() {
        return template;
    }
}
