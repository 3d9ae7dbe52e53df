package com.gemmavision.documents;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Invoices in six languages and several layouts, as text lines (cells apart by wide gaps), with the fields
 * a reader should find in them. The same texts are typeset into PDFs and scanned-looking images by
 * {@link TestPdfs}.
 */
public final class TestInvoices {

    private TestInvoices() {}

    public record Invoice(String name, List<String> lines, Map<String, String> expected) {
        public String text() {
            return String.join("\n", lines);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final Invoice GERMAN = new Invoice(
            "German invoice",
            List.of(
                    "Müller Bürobedarf GmbH",
                    "Hauptstraße 5, 10115 Berlin",
                    "Rechnung",
                    "Rechnungsnummer: RE-2024-0042",
                    "Rechnungsdatum: 02.07.2015",
                    "Fällig am: 16.07.2015",
                    "Beschreibung      Menge      Einzelpreis      Betrag",
                    "Ordner A4      20      2,50      50,00",
                    "Kopierpapier      10      25,00      250,00",
                    "Nettobetrag      300,00 €",
                    "MwSt 19%      57,00 €",
                    "Gesamtbetrag      357,00 €",
                    "IBAN: DE89 3704 0044 0532 0130 00      BIC: COBADEFFXXX",
                    "USt-IdNr.: DE 123 456 789"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "RE-2024-0042"),
                    Map.entry("issueDate", "2015-07-02"),
                    Map.entry("dueDate", "2015-07-16"),
                    Map.entry("netAmount", "300.00"),
                    Map.entry("taxAmount", "57.00"),
                    Map.entry("totalAmount", "357.00"),
                    Map.entry("currency", "EUR"),
                    Map.entry("sellerName", "Müller Bürobedarf GmbH"),
                    Map.entry("iban", "DE89370400440532013000"),
                    Map.entry("bic", "COBADEFFXXX"),
                    Map.entry("sellerVatId", "DE123456789")));

    public static final Invoice ENGLISH = new Invoice(
            "English invoice",
            List.of(
                    "INVOICE",
                    "Northwind Traders Ltd",
                    "12 High Street, London",
                    "Invoice No: INV-88213",
                    "Invoice Date: 2 July 2015",
                    "Due Date: 1 August 2015",
                    "Description      Qty      Unit price      Amount",
                    "Consulting hours      12      95.00      1,140.00",
                    "Travel      1      160.00      160.00",
                    "Subtotal      £1,300.00",
                    "VAT 20%      £260.00",
                    "Total due      £1,560.00",
                    "IBAN GB82 WEST 1234 5698 7654 32",
                    "BIC: NWBKGB2L",
                    "VAT Reg No: GB123456789"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "INV-88213"),
                    Map.entry("issueDate", "2015-07-02"),
                    Map.entry("dueDate", "2015-08-01"),
                    Map.entry("netAmount", "1300.00"),
                    Map.entry("taxAmount", "260.00"),
                    Map.entry("totalAmount", "1560.00"),
                    Map.entry("currency", "GBP"),
                    Map.entry("sellerName", "Northwind Traders Ltd"),
                    Map.entry("iban", "GB82WEST12345698765432"),
                    Map.entry("bic", "NWBKGB2L"),
                    Map.entry("sellerVatId", "GB123456789")));

    public static final Invoice FRENCH = new Invoice(
            "French invoice",
            List.of(
                    "Dupont & Fils SARL",
                    "FACTURE",
                    "Numéro de facture : FA-2015-117",
                    "Date de facture : 02 Juillet 2015",
                    "Date d'échéance : 01 Août 2015",
                    "Désignation      Quantité      Prix      Montant",
                    "Prestation      1      1 000,00      1 000,00",
                    "Total HT      1 000,00 €",
                    "TVA 20 %      200,00 €",
                    "Total TTC      1 200,00 €",
                    "IBAN : FR14 2004 1010 0505 0001 3M02 606",
                    "N° TVA intracommunautaire : FR 40 303 265 045"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "FA-2015-117"),
                    Map.entry("issueDate", "2015-07-02"),
                    Map.entry("dueDate", "2015-08-01"),
                    Map.entry("netAmount", "1000.00"),
                    Map.entry("taxAmount", "200.00"),
                    Map.entry("totalAmount", "1200.00"),
                    Map.entry("currency", "EUR"),
                    Map.entry("sellerName", "Dupont & Fils SARL"),
                    Map.entry("iban", "FR1420041010050500013M02606"),
                    Map.entry("sellerVatId", "FR40303265045")));

    public static final Invoice DUTCH = new Invoice(
            "Dutch invoice",
            List.of(
                    "Factuur",
                    "Van Dijk Installaties B.V.",
                    "Factuurnummer: 2024-0815",
                    "Factuurdatum: 19-04-2014",
                    "Vervaldatum: 19-05-2014",
                    "Omschrijving      Aantal      Prijs      Bedrag",
                    "Onderhoud      3      150,00      450,00",
                    "Subtotaal      € 450,00",
                    "BTW 21%      € 94,50",
                    "Totaal      € 544,50",
                    "IBAN: NL91 ABNA 0417 1643 00",
                    "BTW-nummer: NL123456789B01"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "2024-0815"),
                    Map.entry("issueDate", "2014-04-19"),
                    Map.entry("dueDate", "2014-05-19"),
                    Map.entry("netAmount", "450.00"),
                    Map.entry("taxAmount", "94.50"),
                    Map.entry("totalAmount", "544.50"),
                    Map.entry("currency", "EUR"),
                    Map.entry("sellerName", "Van Dijk Installaties B.V."),
                    Map.entry("iban", "NL91ABNA0417164300"),
                    Map.entry("sellerVatId", "NL123456789B01")));

    public static final Invoice SPANISH = new Invoice(
            "Spanish invoice",
            List.of(
                    "Suministros Ibéricos S.L.",
                    "Factura",
                    "Número de factura: F-2014/233",
                    "Fecha de factura: 2014.04.19",
                    "Fecha de vencimiento: 2014.05.19",
                    "Concepto      Unidades      Precio      Importe",
                    "Tornillos      1000      0,12      120,00",
                    "Base imponible      1.120,00 EUR",
                    "IVA 21%      235,20 EUR",
                    "Importe total      1.355,20 EUR",
                    "IBAN ES91 2100 0418 4502 0005 1332",
                    "NIF: ESB12345674"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "F-2014/233"),
                    Map.entry("issueDate", "2014-04-19"),
                    Map.entry("dueDate", "2014-05-19"),
                    Map.entry("netAmount", "1120.00"),
                    Map.entry("taxAmount", "235.20"),
                    Map.entry("totalAmount", "1355.20"),
                    Map.entry("currency", "EUR"),
                    Map.entry("sellerName", "Suministros Ibéricos S.L."),
                    Map.entry("iban", "ES9121000418450200051332"),
                    Map.entry("sellerVatId", "ESB12345674")));

    public static final Invoice ITALIAN = new Invoice(
            "Italian invoice",
            List.of(
                    "Fattura n. 45/2023",
                    "Rossi Forniture S.r.l.",
                    "Data fattura: 2 luglio 2015",
                    "Scadenza: 31 luglio 2015",
                    "Descrizione      Quantità      Prezzo      Importo",
                    "Carta      4      12,50      50,00",
                    "Toner      2      75,00      150,00",
                    "Imponibile      200,00 €",
                    "IVA 22%      44,00 €",
                    "Totale fattura      244,00 €",
                    "IBAN: IT60 X054 2811 1010 0000 0123 456",
                    "Partita IVA: IT01234567890"),
            Map.ofEntries(
                    Map.entry("documentType", "invoice"),
                    Map.entry("invoiceNumber", "45/2023"),
                    Map.entry("issueDate", "2015-07-02"),
                    Map.entry("dueDate", "2015-07-31"),
                    Map.entry("netAmount", "200.00"),
                    Map.entry("taxAmount", "44.00"),
                    Map.entry("totalAmount", "244.00"),
                    Map.entry("currency", "EUR"),
                    Map.entry("sellerName", "Rossi Forniture S.r.l."),
                    Map.entry("iban", "IT60X0542811101000000123456"),
                    Map.entry("sellerVatId", "IT01234567890")));

    public static final Invoice US_RECEIPT = new Invoice(
            "US receipt",
            List.of(
                    "Corner Coffee Inc.",
                    "RECEIPT",
                    "Receipt #: 000481",
                    "Date: 03/04/2024",
                    "Latte      2      4.50      9.00",
                    "Bagel      1      3.25      3.25",
                    "Subtotal      $12.25",
                    "Sales tax      $1.01",
                    "Total      $13.26"),
            Map.ofEntries(
                    Map.entry("documentType", "receipt"),
                    Map.entry("invoiceNumber", "000481"),
                    Map.entry("issueDate", "2024-03-04"),
                    Map.entry("netAmount", "12.25"),
                    Map.entry("taxAmount", "1.01"),
                    Map.entry("totalAmount", "13.26"),
                    Map.entry("currency", "USD"),
                    Map.entry("sellerName", "Corner Coffee Inc.")));

    public static Stream<Invoice> all() {
        return Stream.of(GERMAN, ENGLISH, FRENCH, DUTCH, SPANISH, ITALIAN, US_RECEIPT);
    }
}
