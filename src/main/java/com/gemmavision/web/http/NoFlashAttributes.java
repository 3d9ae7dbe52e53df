package com.gemmavision.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * The app passes nothing across redirects in flash attributes (a redirect carries the selection in its URL).
 * Spring MVC's default flash map manager looks in the session on every request, which with JDBC sessions is a
 * database read and a last-access write per request; this one looks nowhere and refuses flash attributes.
 */
@Configuration(proxyBeanMethods = false)
class NoFlashAttributes {

    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return null;
            }

            @Override
            public void saveOutputFlashMap(
                    FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                if (!flashMap.isEmpty()) {
                    throw new IllegalStateException(
                            "Flash attributes are not kept: put what a redirect needs in its URL");
                }
            }
        };
    }
}
