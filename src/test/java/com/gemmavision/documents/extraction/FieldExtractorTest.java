package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldExtractorTest {

    private final FieldExtractor extractor = new FieldExtractor();

    private Map<String, ExtractedField> extract(String... pages) {
        List<PageText> texts = new ArrayList<>();
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

        invoice.expected()
                .forEach((name, expected) -> assertThat(value(fields, name))
                        .as(invoice.name() + " " + name)
                        .isEqualTo(expected));
    }

    @Test
    void everyFieldKeepsItsPageAndSnippet() {
        Map<String, ExtractedField> fields =
                extract("Cover page\nACME Ltd", "INVOICE\nInvoice No: INV-7\nTotal due: £ 1,250.00");

        assertThat(fields.get("invoiceNumber").pageNumber()).isEqualTo(2);
        assertThat(fields.get("invoiceNumber").snippet()).isEqualTo("Invoice No: INV-7");
        assertThat(fields.get("totalAmount").snippet()).isEqualTo("Total due: £ 1,250.00");
        assertThat(fields.get("currency").value()).isEqualTo("GBP");
        assertThat(fields.values()).allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void statesALabelledIbanWithWrongCheckDigitsOnlyWithTheFailedCheckAndNeverFromOcr() {
        assertThat(FieldExtractor.ibanChecksumValid("DE89370400440532013000")).isTrue();
        assertThat(FieldExtractor.ibanChecksumValid("GB82WEST12345698765432")).isTrue();
        assertThat(FieldExtractor.ibanChecksumValid("DE89370400440532013001")).isFalse();

        ExtractedField printed = extract("IBAN: DE89 3704 0044 0532 0130 01").get("iban");
        assertThat(printed.value()).isEqualTo("DE89370400440532013001");
        assertThat(printed.failed()).anyMatch(f -> f.contains("check digits"));
        // how sure the value is is learned: on the labelled corpus, an IBAN printed with wrong check digits is
        // what the document states (sample accounts), so the failed check is shown without making it unsure
        // unlabelled, or of the wrong length for its country: nothing
        assertThat(value(extract("Ref DE89 3704 0044 0532 0130 01"), "iban")).isNull();
        assertThat(value(extract("IBAN: DE89 3704 0044 0532 0130 0"), "iban")).isNull();
        // OCR: a misread digit is likelier than a misprint
        assertThat(value(
                        ocr(List.of(95.0, 95.0, 95.0, 95.0, 95.0, 95.0, 95.0), "IBAN: DE89 3704 0044 0532 0130 01"),
                        "iban"))
                .isNull();
    }

    private Map<String, ExtractedField> ocr(List<Double> wordConfidences, String... lines) {
        return extractor.extract(ocrPage(wordConfidences, lines));
    }

    /** What the rules read from an OCR page, stated or not sure alike (for tests of the reading, not the stating). */
    private Map<String, ExtractedField> ocrRead(List<Double> wordConfidences, String... lines) {
        FieldExtractor.Reading reading = extractor.read(ocrPage(wordConfidences, lines), null);
        Map<String, ExtractedField> all = new java.util.LinkedHashMap<>(reading.unsure());
        all.putAll(reading.stated());
        return all;
    }

    private static List<PageText> ocrPage(List<Double> wordConfidences, String... lines) {
        List<List<Double>> confidences = new ArrayList<>();
        for (String line : lines) {
            int words = line.strip().split("\\s+").length;
            confidences.add(
                    wordConfidences.size() == words
                            ? wordConfidences
                            : Collections.nCopies(words, wordConfidences.get(0)));
        }
        return List.of(
                new PageText(1, PageText.TextSource.OCR, String.join("\n", lines), 90.0, 800, 1400, null, confidences));
    }

    @Test
    void readsValuesUnderARowOfHeadingsByTheirOrderAcrossARule() {
        Map<String, ExtractedField> fields = extract("Fabrikam\nInvoice For: Northwind Traders\n"
                + "Invoice Number  Invoice Date  Due Date  Reference\n———  ————  ——\n"
                + "INV-0042  3/1/2024  3/31/2024  |  PO-77");

        assertThat(value(fields, "invoiceNumber")).isEqualTo("INV-0042");
        assertThat(value(fields, "dueDate")).isEqualTo("2024-03-31");
        assertThat(value(fields, "buyerName")).isEqualTo("Northwind Traders");
        // a row of "label: value" pairs is no row of headings
        assertThat(value(
                        extract("Place of Supply: 29-Karnataka  Customer P.O. No - Date :\nPayment Method :  CREDIT"),
                        "buyerName"))
                .isNull();
    }

    @Test
    void theOnlyAmountPrintedWithItsCurrencyIsTheTotalWhenNothingIsLabelled() {
        ExtractedField total =
                extract("Invoice\nCharges\nConsulting, March  $56,651.49").get("totalAmount");
        assertThat(total.value()).isEqualTo("56651.49");
        assertThat(total.passed()).anyMatch(p -> p.contains("only amount"));
        // two different sums and no label: no guess
        assertThat(value(extract("Invoice\nConsulting  $1,200.00\nTravel  $300.00"), "totalAmount"))
                .isNull();
    }

    @Test
    void aLabelTakesItsOwnAmountWhenALineHoldsTwoPairsAndATaxTotalBeatsItsParts() {
        Map<String, ExtractedField> fields =
                extract("TAX INVOICE\nCGST 9% on Labour:  31.50\nSGST 9% on Labour:  31.50\n"
                        + "Total Tax Amount :  63.00\nParts Net Taxable Amount:  0.00  Final Labour Invoice Amount :  413.00\n"
                        + "Grand Total :  413.00");

        assertThat(value(fields, "taxAmount")).isEqualTo("63.00");
        assertThat(value(fields, "netAmount")).isNull();
        assertThat(value(fields, "totalAmount")).isEqualTo("413.00");
        assertThat(FieldExtractor.ownPart(" 0.00  Final Amount : 413.00")).isEqualTo(" 0.00");
        assertThat(FieldExtractor.ownPart(" 12.00  EUR")).isEqualTo(" 12.00  EUR");
    }

    @Test
    void findsCurrenciesInColumnHeadingsAndInFiguresOcrSplit() {
        assertThat(value(extract("ITEM  PRICE  TOTAL\ni)  (RM\n2x Tea  7.60"), "currency"))
                .isEqualTo("MYR");
        assertThat(value(extract("BILL BY: 22/01/2017 09:09 PM  RM\n1 RICE  4.50 SR"), "currency"))
                .isEqualTo("MYR");
        assertThat(value(extract("TOTAL  RM1. 38"), "currency")).isEqualTo("MYR");
        // "$1  5474  7.992  15.98": a stray "$" is no dollar amount
        assertThat(value(extract("Selangor\n$1  5474  7.992  15.98 Z"), "currency"))
                .isEqualTo("MYR");
    }

    @Test
    void respellsOnlyLookAlikeMisreadingsOfBusinessWordsAndLegalFormsAndSaysSo() {
        ExtractedField seller = ocrRead(
                        List.of(90.0), "GARDENIA BAKERLES (KL) SDN BHD (139386 X)", "LOT 3, JALAN PERUSAHAAN")
                .get("sellerName");
        assertThat(seller.value()).isEqualTo("GARDENIA BAKERIES (KL) SDN BHD");
        assertThat(seller.failed()).anyMatch(f -> f.contains("BAKERLES → BAKERIES"));

        assertThat(FieldExtractor.respelled("BEMED {SP} SON. BHD.").getKey()).isEqualTo("BEMED (SP) SDN. BHD.");
        assertThat(FieldExtractor.respelled("MYNEWS RETAIL $B").getKey()).isEqualTo("MYNEWS RETAIL SB");
        // real words stay: "& SON" is no "SDN", a short word is never respelled, nor one two letters off unlike
        assertThat(FieldExtractor.respelled("SMITH & SON TRADING").getValue()).isEmpty();
        assertThat(FieldExtractor.respelled("MART MARK STORY").getValue()).isEmpty();
        assertThat(FieldExtractor.respelled("BAKERS HOUSE").getValue()).isEmpty();
        // the text layer is what was printed: never respelled
        assertThat(value(extract("GARDENIA BAKERLES (KL) SDN BHD"), "sellerName"))
                .isEqualTo("GARDENIA BAKERLES (KL) SDN BHD");
    }

    @Test
    void crossCheckedAmountsAreMoreConfident() {
        Map<String, ExtractedField> fields = extract("Invoice\nSubtotal 100.00\nVAT 20% 20.00\nTotal 120.00");

        assertThat(fields.get("totalAmount").confidence()).isGreaterThan(0.9);
        assertThat(fields.get("netAmount").value()).isEqualTo("100.00");
    }

    @Test
    void recognisesTheOtherDocumentTypes() {
        assertThat(value(extract("Kontoauszug Nr. 3\nSaldo 1.000,00 EUR"), "documentType"))
                .isEqualTo("bank statement");
        assertThat(value(extract("ACME plc\nAnnual Report 2023\nRevenue grew"), "documentType"))
                .isEqualTo("annual report");
        assertThat(value(extract("Avoir n° AV-12\nFacture d'origine F-1"), "documentType"))
                .isEqualTo("credit note");
        assertThat(value(extract("Scontrino fiscale\nTotale 12,50"), "documentType"))
                .isEqualTo("receipt");
        assertThat(value(extract("Meeting notes"), "documentType")).isEqualTo("other");
    }

    @Test
    void findsCurrenciesFromSymbolsAndCodes() {
        assertThat(value(extract("Kwota: 1 234,56 zł"), "currency")).isEqualTo("PLN");
        assertThat(value(extract("Total ₹ 4,500.00"), "currency")).isEqualTo("INR");
        assertThat(value(extract("Amount 12.00 CHF"), "currency")).isEqualTo("CHF");
    }

    @Test
    void aValueTheModelIsNotSureOfIsKeptAsNotSureNotStated() {
        List<PageText> page = List.of(new PageText(
                1,
                PageText.TextSource.TEXT_LAYER,
                "Invoice no: INV-2041\nTotal 118.00 EUR",
                0.0,
                0,
                0,
                null,
                List.of()));
        // a model that has only ever seen wrong totals, and right invoice numbers
        List<com.gemmavision.documents.extraction.ConfidenceModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new com.gemmavision.documents.extraction.ConfidenceModel.Example(
                    com.gemmavision.documents.extraction.FieldFeatures.of(
                            "totalAmount", ExtractedField.TEXT_LAYER, 0.85, List.of()),
                    false));
            examples.add(new com.gemmavision.documents.extraction.ConfidenceModel.Example(
                    com.gemmavision.documents.extraction.FieldFeatures.of(
                            "invoiceNumber", ExtractedField.TEXT_LAYER, 0.85, List.of()),
                    true));
        }
        FieldExtractor doubtful =
                new FieldExtractor(com.gemmavision.documents.extraction.ConfidenceModel.train(examples), 0.7);
        FieldExtractor.Reading reading = doubtful.read(page, null);
        assertThat(reading.stated()).containsKey("invoiceNumber").doesNotContainKey("totalAmount");
        assertThat(reading.unsure().get("totalAmount").value()).isEqualTo("118.00");
        assertThat(reading.unsure().get("totalAmount").confidence()).isLessThan(0.7);
        assertThat(reading.stated().get("invoiceNumber").confidence()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void taxSplitIntoPartsIsOneTaxTotalWhenThePartsAddUp() {
        // India's GST: central and state halves within a state, integrated tax across states; GSTIN is the VAT id
        Map<String, ExtractedField> split = extract(String.join(
                "\n",
                "Shree Traders Pvt Ltd",
                "GSTIN: 29ABCDE1234F1Z5",
                "TAX INVOICE",
                "Invoice No: ST/24-25/1001      Date: 12/03/2025",
                "Taxable Value                 ₹ 1,000.00",
                "CGST @ 9%                     ₹ 90.00",
                "SGST @ 9%                     ₹ 90.00",
                "Total                         ₹ 1,180.00"));
        assertThat(value(split, "taxAmount")).isEqualTo("180.00");
        assertThat(value(split, "netAmount")).isEqualTo("1000.00");
        assertThat(value(split, "totalAmount")).isEqualTo("1180.00");
        assertThat(value(split, "currency")).isEqualTo("INR");
        assertThat(value(split, "sellerVatId")).isEqualTo("29ABCDE1234F1Z5");
        assertThat(split.get("taxAmount").passed()).anyMatch(c -> c.contains("= total"));

        Map<String, ExtractedField> integrated = extract(String.join(
                "\n",
                "Invoice No: ST/24-25/1002",
                "Taxable Value     1,000.00",
                "IGST @ 18%          180.00",
                "Grand Total       1,180.00"));
        assertThat(value(integrated, "taxAmount")).isEqualTo("180.00");

        // the same split elsewhere: a Canadian GST + PST receipt
        Map<String, ExtractedField> canadian = extract(
                String.join("\n", "Subtotal   40.00", "GST 5%      2.00", "PST 7%      2.80", "Total      44.80"));
        assertThat(value(canadian, "taxAmount")).isEqualTo("4.80");
        // parts that do not add up to the total minus the net are not summed
        Map<String, ExtractedField> unrelated = extract(
                String.join("\n", "Subtotal   40.00", "GST 5%      2.00", "PST 7%      9.99", "Total      42.00"));
        assertThat(value(unrelated, "taxAmount")).isNotEqualTo("11.99");
    }
}
