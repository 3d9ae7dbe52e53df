package com.gemmavision.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.advisor.QualityBenchmark;
import com.gemmavision.benchmarks.BenchmarkScores;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.memory.WeightBytes;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

/** The report is read from the database once, through the cache abstraction, and every cache is bounded. */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:caches;DB_CLOSE_DELAY=-1", "gemmavision.cache.fragments=7"})
class CachesTest {

    @Autowired
    CacheManager caches;

    @Autowired
    Catalog catalog;

    @Autowired
    QuantizationFormats formats;

    @Autowired
    BenchmarkScores scores;

    @Autowired
    Advisor advisor;

    @Test
    void reportReadsAreKeptUnderTheirRepositoryAndMethod() {
        catalog.variants();
        formats.all();
        scores.score(6, "MMLU-Pro", "Gemma3-27B-IT");

        var report = caches.getCache(Caches.REPORT);
        assertThat(report.get("CatalogRepository.snapshot")).isNotNull();
        assertThat(report.get("MemoryRepository.formats")).isNotNull();
        assertThat(report.get("ScoreRepository.byKey")).isNotNull();
        // the same value again, not a second read
        assertThat(formats.all()).isSameAs(formats.all());
        assertThat(catalog.architectures()).isSameAs(catalog.architectures());
    }

    @Test
    void adviceIsKeptByRequestValue() {
        var first = advisor.advise(defaults());
        assertThat(advisor.advise(defaults())).isSameAs(first);
    }

    @Test
    void everyCacheIsBoundedByItsProperty() {
        assertThat(caches.getCacheNames()).containsExactlyInAnyOrder(Caches.REPORT, Caches.FRAGMENTS, Caches.ADVICE);
        assertThat(maximum(Caches.FRAGMENTS)).isEqualTo(7);
        assertThat(maximum(Caches.REPORT)).isEqualTo(64);
        assertThat(maximum(Caches.ADVICE)).isEqualTo(256);
        assertThat(caches.getCache("misspelt")).isNull();
    }

    private long maximum(String name) {
        return ((CaffeineCache) caches.getCache(name))
                .getNativeCache()
                .policy()
                .eviction()
                .orElseThrow()
                .getMaximum();
    }

    private AdviceRequest defaults() {
        return new AdviceRequest(
                null,
                24,
                1,
                32_768,
                1,
                KvDtype.BF16,
                true,
                new WeightBytes.Options(false, false),
                1.0,
                10,
                QualityBenchmark.values()[0]);
    }
}
