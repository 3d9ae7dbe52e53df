package com.gemmavision.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import com.gemmavision.ReportFixture;
import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KvCacheTest {

    private final Catalog catalog = ReportFixture.catalog();

    private Architecture model(String name) {
        return catalog.architecture(name);
    }

    @Test
    void the27BAt128KInBf16Takes10Point4GiBWithTheWindowAnd62GiBWithout() {
        Architecture big = model("Gemma3-27B");

        // (10 global x 131,072 + 52 local x 1,024) tokens x 2 x 16 heads x 128 dims x 2 bytes
        assertThat(KvCache.bytes(big, 131_072, 1, KvDtype.BF16, true)).isEqualTo(11_173_625_856L);
        // 62 layers x 131,072 tokens x 2 x 16 x 128 x 2 bytes
        assertThat(KvCache.bytes(big, 131_072, 1, KvDtype.BF16, false)).isEqualTo(66_571_993_088L);
        assertThat(MemoryEstimate.gib(KvCache.bytes(big, 131_072, 1, KvDtype.BF16, true)))
                .isCloseTo(10.4, within(0.05));
        assertThat(MemoryEstimate.gib(KvCache.bytes(big, 131_072, 1, KvDtype.BF16, false)))
                .isCloseTo(62.0, within(0.05));
    }

    @ParameterizedTest(name = "{0}, {1} tokens, batch {2}, {3}, window {4}")
    @CsvSource({
        // 1B: 4 global x 32,768 + 22 local x 512 (its window) = 142,336 tokens x 2 x 1 x 256 x 2 bytes
        "Gemma3-1B, 32768, 1, BF16, true, 145752064",
        "Gemma3-1B, 32768, 1, BF16, false, 872415232",
        // below the window every layer keeps the whole context: 34 x 1,000 x 2 x 4 x 256 x 2
        "Gemma3-4B, 1000, 1, BF16, true, 139264000",
        "Gemma3-4B, 1000, 1, BF16, false, 139264000",
        // 12B: (8 x 32,768 + 40 x 1,024) = 303,104 tokens x 2 x 8 x 256 x 1 byte, three sequences
        "Gemma3-12B, 32768, 3, FP8, true, 3724541952",
        "Gemma3-12B, 32768, 1, INT8, true, 1241513984",
        // int4: half a byte per element
        "Gemma3-27B, 32768, 2, INT4, false, 8321499136",
        "Gemma3-27B, 0, 1, BF16, true, 0"
    })
    void matchesTheFormulaByHand(String name, long context, long batch, KvDtype dtype, boolean window, long expected) {
        assertThat(KvCache.bytes(model(name), context, batch, dtype, window)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Gemma3-1B", "Gemma3-4B", "Gemma3-12B", "Gemma3-27B"})
    void everySixthLayerIsGlobalAsTheConfigurationCounts(String name) {
        Architecture architecture = model(name);

        long global = IntStream.range(0, architecture.layers())
                .filter(l -> KvCache.isGlobal(architecture, l))
                .count();

        assertThat(global).isEqualTo(architecture.globalLayers());
        assertThat(KvCache.isGlobal(architecture, 0))
                .as("the pattern starts with a local layer")
                .isFalse();
        assertThat(KvCache.isGlobal(architecture, 5)).isTrue();
    }

    @Test
    void growsLinearlyWithBatch() {
        Architecture architecture = model("Gemma3-4B");

        assertThat(KvCache.bytes(architecture, 50_000, 7, KvDtype.BF16, true))
                .isEqualTo(7 * KvCache.bytes(architecture, 50_000, 1, KvDtype.BF16, true));
    }
}
