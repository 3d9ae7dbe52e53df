package com.gemmavision.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.ReportFixture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTest {

    private final Catalog catalog = ReportFixture.catalog();

    @ParameterizedTest(name = "{0} totals {1} million")
    @CsvSource({"Gemma3-1B, 1000", "Gemma3-4B, 4301", "Gemma3-12B, 12188", "Gemma3-27B, 27433"})
    void totalParametersAreTheSumOfTheComponents(String model, int total) {
        ParameterCount count = catalog.parameterCounts().stream()
                .filter(p -> p.model().equals(model))
                .findFirst()
                .orElseThrow();

        assertThat(count.totalM()).isEqualTo(total);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Gemma3-4B-IT|Gemma3-4B-IT: A 4 billion parameter instruction-tuned model with a vision encoder.",
                "Gemma3-27B|Gemma3-27B: A 27 billion parameter pre-trained model with a vision encoder.",
                "Gemma3-1B|Gemma3-1B: A 1 billion parameter pre-trained model for text only (no vision encoder)."
            })
    void summarisesACheckpointFromItsData(String name, String summary) {
        assertThat(catalog.profiles(List.of(name)).get(0).summary()).isEqualTo(summary);
    }

    @Test
    void findsCheckpointsIgnoringCaseAndMapsThemToTheirSize() {
        assertThat(catalog.variant("gemma3-27b-it"))
                .get()
                .extracting(ModelVariant::name, ModelVariant::baseModel)
                .containsExactly("Gemma3-27B-IT", "Gemma3-27B");
        assertThat(catalog.variant("Gemma3-30B")).isEmpty();
    }

    @Test
    void listsTheFourDefaultCheckpointsInSizeOrder() {
        assertThat(catalog.listedVariants())
                .extracting(ModelVariant::name)
                .containsExactly("Gemma3-1B", "Gemma3-4B-IT", "Gemma3-12B-IT", "Gemma3-27B-IT");
    }

    @Test
    void readsTheArchitectureOfEverySize() {
        Architecture big = catalog.architecture("Gemma3-27B");

        assertThat(big.layers()).isEqualTo(62);
        assertThat(big.keyValueHeads()).isEqualTo(16);
        assertThat(big.headDim()).isEqualTo(128);
        assertThat(big.localGlobalPattern()).isEqualTo("5:1");
        assertThat(big.globalLayers() + big.localLayers()).isEqualTo(big.layers());
        assertThat(catalog.architecture("Gemma3-1B").hasVisionEncoder()).isFalse();
        assertThat(catalog.architecture("Gemma3-1B").tokensPerImage()).isNull();
    }
}
