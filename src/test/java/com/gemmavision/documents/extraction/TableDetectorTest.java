package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;

class TableDetectorTest {

    @Test
    void findsLineItemsAsATableWithTheirHeader() {
        List<ExtractedTable> tables = new TableDetector()
                .detect(List.of(
                        new PageText(2, PageText.TextSource.TEXT_LAYER, TestInvoices.GERMAN.text(), null, null, null)));

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).pageNumber()).isEqualTo(2);
        assertThat(tables.get(0).rows())
                .containsExactly(
                        List.of("Beschreibung", "Menge", "Einzelpreis", "Betrag"),
                        List.of("Ordner A4", "20", "2,50", "50,00"),
                        List.of("Kopierpapier", "10", "25,00", "250,00"));
    }

    @Test
    void ignoresProseAndSingleLines() {
        assertThat(new TableDetector()
                        .detect(List.of(new PageText(
                                1,
                                PageText.TextSource.TEXT_LAYER,
                                "Dear customer,\nthank you  for  your order.\nA  B  C",
                                null,
                                null,
                                null))))
                .isEmpty();
    }
}
