package com.gemmavision.web.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Entity tags on what a script or a browser fetches again unchanged: every CSV and SVG download and the JSON API
 * get an ETag from their bytes and a {@code 304 Not Modified} for a matching {@code If-None-Match}. Rendered
 * fragments carry their own ({@code web.page.RenderedFragments}); static assets have content-hashed names.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> downloadEntityTags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.setName("downloadEntityTags");
        registration.addUrlPatterns("/tables/*", "/charts/*", "/api/*", "/documents.csv", "/documents/*");
        return registration;
    }
}
