package com.gemmavision.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** htmx's header names are spelled once, in {@link Htmx}; they were string literals in 20 places. */
class HtmxHeadersTest {

    @Test
    void noSourceButHtmxSpellsAnHtmxHeader() throws IOException {
        List<String> spelled;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            spelled = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("Htmx.java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("\"HX-");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(spelled).isEmpty();
    }
}
