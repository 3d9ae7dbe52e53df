package com.gemmavision.database;

import java.util.Arrays;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's caches, each bounded by {@link CacheProperties}: {@value #REPORT} holds what repositories read from
 * the seeded report tables (they never change while the app runs), {@value #FRAGMENTS} the rendered fragments of
 * selections, {@value #ADVICE} the advisor's answers. Report reads are keyed by class and method ({@value
 * #METHOD_KEY}), so a repository marks a read {@code @Cacheable} and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class Caches {

    public static final String REPORT = "report";
    public static final String FRAGMENTS = "fragments";
    public static final String ADVICE = "advice";
    public static final String METHOD_KEY = "methodKey";

    @Bean
    CacheManager cacheManager(CacheProperties properties) {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setAllowNullValues(false);
        // only the caches named here exist (a misspelt name fails at once instead of growing an unbounded cache);
        // each is then replaced by its bounded one
        manager.setCacheNames(List.of(REPORT, FRAGMENTS, ADVICE));
        manager.registerCustomCache(
                REPORT, Caffeine.newBuilder().maximumSize(properties.report()).build());
        manager.registerCustomCache(
                FRAGMENTS,
                Caffeine.newBuilder().maximumSize(properties.fragments()).build());
        manager.registerCustomCache(
                ADVICE, Caffeine.newBuilder().maximumSize(properties.advice()).build());
        return manager;
    }

    /** A report read's key: its class and method, then its arguments if it has any. */
    @Bean(METHOD_KEY)
    KeyGenerator methodKey() {
        return (target, method, params) -> params.length == 0
                ? target.getClass().getSimpleName() + "." + method.getName()
                : new SimpleKey(target.getClass().getSimpleName() + "." + method.getName(), Arrays.asList(params));
    }
}
