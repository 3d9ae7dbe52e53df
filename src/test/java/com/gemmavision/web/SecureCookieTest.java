package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.AppClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Behind TLS, one property marks the session cookie Secure. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:secure-cookie;DB_CLOSE_DELAY=-1",
            "server.servlet.session.cookie.secure=true"
        })
class SecureCookieTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureWhenConfigured() {
        AppClient browser = new AppClient(port);
        browser.get("/");
        // a first change is kept in the selection cookie alone; the client returning it starts the session
        browser.get("/?model=Gemma3-27B-IT");
        String cookie = browser.get("/?model=Gemma3-1B").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();

        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    }
}
