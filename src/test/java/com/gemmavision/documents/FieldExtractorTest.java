package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldExtractorTest {

    private final FieldExtractor extractor = new FieldExtractor();

    private Map<String, ExtractedField> extract(String... pages) {
        List<PageText> texts = new java.util.ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            texts.add(new PageText(i + 1, PageText.TextSource.TEXT_LAYER, pages[i], null, null, null));
        }
        return extractor.extract(texts);
    }

    private static String value(Map<String, ExtractedField> fields, String name) {
        ExtractedField field = fields.get(name);
        return field == null ? null : field.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.gemmavision.documents.TestInvoices#all")
    void readsTheKeyFieldsOfInvoicesInSixLanguages(TestInvoices.Invoice invoice) {
        Map<String, ExtractedField> fields = extract(invoice.text());

        invoice.expected().forEach((name, expected) ->
                assertThat(value(fields, name)).as(invoice.name() + " " + name).isEqualTo(expected));
    }

    @Test
    void everyFieldKeepsItsPageAndSnippet() {
        Map<String, ExtractedField> fields = extract("Cover page\nACME Ltd", "INVOICE\nInvoice No: INV-7\nTotal due: £ 1,250.00");

        assertThat(fields.get("invoiceNumber").pageNumber()).isEqualTo(2);
        assertThat(fields.get("invoiceNumber").snippet()).isEqualTo("Invoice No: INV-7");
        assertThat(fields.get("totalAmount").snippet()).isEqualTo("Total due: £ 1,250.00");
        assertThat(fields.get("currency").value()).isEqualTo("GBP");
        assertThat(fields.values()).allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void acceptsOnlyIbansWithAValidChecksum() {
        assertThat(FieldExtractor.ibanChecksumValid("DE89370400440532013000")).isTrue();
        assertThat(FieldExtractor.ibanChecksumValid("GB82WEST12345698765432")).isTrue();
        assertThat(FieldExtractor.ibanChecksumValid("DE89370400440532013001")).isFalse();
        assertThat(value(extract("IBAN: DE89 3704 0044 0532 0130 01"), "iban")).isNull();
    }

    @Test
    void crossCheckedAmountsAreMoreConfident() {
        Map<String, ExtractedField> fields = extract("Invoice\nSubtotal 100.00\nVAT 20% 20.00\nTotal 120.00");

        assertThat(fields.get("totalAmount").confidence()).isGreaterThan(0.9);
        assertThat(fields.get("netAmount").value()).isEqualTo("100.00");
    }

    @Test
    void recognisesTheOtherDocumentTypes() {
        assertThat(value(extract("Kontoauszug Nr. 3\nSaldo 1.000,00 EUR"), "documentType")).isEqualTo("bank statement");
        assertThat(value(extract("ACME plc\nAnnual Report 2023\nRevenue grew"), "documentType")).isEqualTo("annual report");
        assertThat(value(extract("Avoir n° AV-12\nFacture d'origine F-1"), "documentType")).isEqualTo("credit note");
        assertThat(value(extract("Scontrino fiscale\nTotale 12,50"), "documentType")).isEqualTo("receipt");
        assertThat(value(extract("Meeting notes"), "documentType")).isEqualTo("other");
    }

    @Test
    void findsCurrenciesFromSymbolsAndCodes() {
        assertThat(value(extract("Kwota: 1 234,56 zł"), "currency")).isEqualTo("PLN");
        assertThat(value(extract("Total ₹ 4,500.00"), "currency")).isEqualTo("INR");
        assertThat(value(extract("Amount 12.00 CHF"), "currency")).isEqualTo("CHF");
    }
}
