package com.gemmavision.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, run in the page as it stands: the script comes from the axe-core jar (a test dependency),
 * and the findings come back as "rule (impact): target — help" lines, one per element, so a failure names
 * what to fix.
 */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical findings on the current page, one line per element. */
    @SuppressWarnings("unchecked")
    static List<String> seriousFindings(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SCRIPT);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ')
                          + ' — ' + v.help))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }
}
