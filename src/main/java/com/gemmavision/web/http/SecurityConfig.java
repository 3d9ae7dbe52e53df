package com.gemmavision.web.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Everything is public; what Spring Security adds is CSRF protection on every state-changing request and the
 * security headers. The CSRF token lives in a cookie rather than the session, so reading a page creates no
 * session row: only a selection or an upload does.
 */
@Configuration
public class SecurityConfig {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // POST /api/tokens only counts the text it is sent (it changes nothing), so scripts need no token
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/api/tokens"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.disable())
                // nobody signs in: the (anonymous) security context lives for the request only, so deciding that
                // a request is permitted never loads the user's session from the database
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // nor do session management (which validates the requested session id, loading it) or an
                // anonymous token (whose details read the session id from a loaded session)
                .sessionManagement(sessions -> sessions.disable())
                .anonymous(anonymous -> anonymous.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** No accounts: without this Spring Boot would create one with a generated password and log it. */
    @Bean
    UserDetailsService noAccounts() {
        return new InMemoryUserDetailsManager();
    }
}
