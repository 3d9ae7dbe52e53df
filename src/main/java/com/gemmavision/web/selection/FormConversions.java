package com.gemmavision.web.selection;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC's binder converts with the app's own conversions too ({@link Forms#addConverters}). */
@Configuration(proxyBeanMethods = false)
class FormConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        Forms.addConverters(registry);
    }
}
