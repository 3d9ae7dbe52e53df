package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 28.3: a candidate that is itself a label ("Ship to", "Contact us", "Invoice number") is never a party's name;
 * a name that merely contains such a word ("Contact Energy", "Customer Care Ltd") still is.
 */
class LabelWordsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ship to",
                "SHIP TO:",
                "Contact us",
                "Overview",
                "Bill to",
                "Sold to",
                "Invoice number",
                "Customer details",
                "Rechnungsadresse",
                "Lieferadresse",
                "Adresse de livraison",
                "Dirección de envío"
            })
    void aLineOfLabelWordsIsNoName(String label) {
        assertThat(FieldExtractor.plausibleName(label)).as(label).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Contact Energy", "Customer Care Ltd", "Acme Supplies GmbH", "Overview Media BV"})
    void aNameWithALabelWordInItIsStillAName(String name) {
        assertThat(FieldExtractor.plausibleName(name)).as(name).isTrue();
    }
}
