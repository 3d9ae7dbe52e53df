package com.gemmavision.web.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.gemmavision.ReportFixture;
import com.gemmavision.benchmarks.web.BenchmarksSidebar;
import com.gemmavision.catalog.web.CatalogSidebar;
import com.gemmavision.memory.web.QuantizationSidebar;

import org.junit.jupiter.api.Test;

class SelectionResolverTest {

    private static final SelectionProperties PROPERTIES = new SelectionProperties(
            List.of("Gemma3-4B-IT"), List.of("bf16", "int4", "int4-b32", "sfp8"), false, 5, 64, 30);

    private final SelectionResolver resolver = new SelectionResolver(
            List.of(
                    new CatalogSidebar(ReportFixture.catalog(), null),
                    new QuantizationSidebar(ReportFixture.formats()),
                    new BenchmarksSidebar.Groups(),
                    new BenchmarksSidebar.Tables(),
                    new BenchmarksSidebar.Compared(ReportFixture.comparison())),
            PROPERTIES,
            new Forms(PROPERTIES));

    private static Map<String, String[]> params(String... nameValues) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            String name = nameValues[i];
            String[] old = map.getOrDefault(name, new String[0]);
            String[] values = Arrays.copyOf(old, old.length + 1);
            values[old.length] = nameValues[i + 1];
            map.put(name, values);
        }
        return map;
    }

    @Test
    void aFirstVisitGetsTheDefaults() {
        SelectionResolver.Resolved resolved = resolver.resolve(Map.of(), resolver.defaults());

        assertThat(resolved.selection().models()).containsExactly("Gemma3-4B-IT");
        assertThat(resolved.selection().quants()).containsExactly("bf16", "int4", "int4-b32", "sfp8");
        assertThat(resolved.selection().kv()).isFalse();
        assertThat(resolved.notices()).isEmpty();
    }

    @Test
    void parametersWinAndComeOutInCatalogueOrderWithoutDuplicates() {
        SelectionResolver.Resolved resolved = resolver.resolve(
                params(
                        "model",
                        "Gemma3-27B-IT",
                        "model",
                        "gemma3-1b",
                        "model",
                        "Gemma3-27B-IT",
                        "quant",
                        "SFP8",
                        "quant",
                        "bf16",
                        "kv",
                        "true",
                        "table",
                        "15",
                        "table",
                        "5"),
                resolver.defaults());

        assertThat(resolved.selection().models()).containsExactly("Gemma3-1B", "Gemma3-27B-IT");
        assertThat(resolved.selection().quants()).containsExactly("bf16", "sfp8");
        assertThat(resolved.selection().kv()).isTrue();
        assertThat(resolved.selection().tables()).containsExactly(5, 15);
    }

    @Test
    void acceptsPreTrainedVariants() {
        assertThat(resolver.resolve(params("model", "Gemma3-12B"), resolver.defaults())
                        .selection()
                        .models())
                .containsExactly("Gemma3-12B");
    }

    @Test
    void anAbsentParameterKeepsTheFallbackButAnEmptyOneMeansNothingSelected() {
        Selection fallback =
                new Selection(List.of("Gemma3-27B-IT"), List.of("int4"), true, List.of("arena"), List.of());

        Selection onlyKv = resolver.resolve(params("kv", "false"), fallback).selection();
        Selection noModels = resolver.resolve(params("model", ""), fallback).selection();

        assertThat(onlyKv.models()).containsExactly("Gemma3-27B-IT");
        assertThat(onlyKv.quants()).containsExactly("int4");
        assertThat(onlyKv.bench()).containsExactly("arena");
        assertThat(onlyKv.kv()).isFalse();
        assertThat(noModels.models()).isEmpty();
    }

    @Test
    void theCheckboxValueWinsOverItsHiddenFalseTwin() {
        assertThat(resolver.resolve(params("kv", "false", "kv", "true"), resolver.defaults())
                        .selection()
                        .kv())
                .isTrue();
    }

    @Test
    void unknownValuesAreDroppedAndReportedInPlainWords() {
        SelectionResolver.Resolved resolved = resolver.resolve(
                params(
                        "model",
                        "GPT-5",
                        "model",
                        "Gemma3-4B-IT",
                        "quant",
                        "fp4",
                        "kv",
                        "maybe",
                        "bench",
                        "vibes",
                        "table",
                        "4",
                        "table",
                        "x"),
                resolver.defaults());

        assertThat(resolved.selection().models()).containsExactly("Gemma3-4B-IT");
        assertThat(resolved.selection().quants()).isEmpty();
        assertThat(resolved.selection().bench()).isEmpty();
        assertThat(resolved.selection().tables()).isEmpty();
        assertThat(resolved.notices()).hasSize(6);
        assertThat(resolved.notices().get(0)).startsWith("Ignored model “GPT-5”: not a Gemma 3 checkpoint.");
        assertThat(resolved.notices())
                .anySatisfy(
                        n -> assertThat(n)
                                .isEqualTo(
                                        "Ignored quantization “fp4”: Unknown quantization strategy. Use one of bf16, int4, int4-b32, sfp8."));
        assertThat(resolved.notices())
                .contains(
                        "kv must be true or false; got “maybe”.",
                        "Ignored table “4”: the report's result tables are numbered 5 to 18.");
    }

    @Test
    void boundsHowMuchOfAParameterIsRead() {
        String longValue = "x".repeat(500);
        SelectionResolver.Resolved resolved = resolver.resolve(
                params(
                        "model", longValue, "table", "5", "table", "6", "table", "7", "table", "8", "table", "9",
                        "table", "10"),
                resolver.defaults());

        assertThat(resolved.selection().tables()).containsExactly(5, 6, 7, 8, 9);
        assertThat(resolved.notices())
                .contains(
                        "Ignored a value of “model” longer than 64 characters.",
                        "Only the first 5 values of “table” were read.");
        assertThat(String.join(" ", resolved.notices())).doesNotContain(longValue);
    }

    @Test
    void readsAStoredQueryStringBack() {
        Selection selection =
                new Selection(List.of("Gemma3-12B-IT"), List.of("int4-b32"), true, List.of("stem-code"), List.of(18));

        assertThat(resolver.resolveQuery(selection.toQueryString()).selection()).isEqualTo(selection);
    }
}
