package com.gemmavision.documents.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The language of a page, told from the words a first OCR pass found: the share of each language's most
 * common words and invoice vocabulary. Tesseract reads a page several times faster with one language than with
 * six, so the first pass uses one and the second, only when needed, the language this finds.
 */
final class OcrLanguage {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "eng",
                    Set.of(
                            "the",
                            "and",
                            "of",
                            "to",
                            "for",
                            "invoice",
                            "total",
                            "date",
                            "amount",
                            "tax",
                            "due",
                            "qty",
                            "price",
                            "receipt",
                            "thank",
                            "you",
                            "subtotal",
                            "payment",
                            "number",
                            "description"),
            "deu",
                    Set.of(
                            "der",
                            "die",
                            "und",
                            "das",
                            "für",
                            "rechnung",
                            "datum",
                            "betrag",
                            "gesamt",
                            "menge",
                            "preis",
                            "mwst",
                            "ust",
                            "netto",
                            "brutto",
                            "summe",
                            "zahlbar",
                            "bis",
                            "rechnungsnummer",
                            "steuer"),
            "fra",
                    Set.of(
                            "le",
                            "la",
                            "les",
                            "et",
                            "des",
                            "du",
                            "facture",
                            "montant",
                            "total",
                            "date",
                            "tva",
                            "prix",
                            "quantité",
                            "payer",
                            "échéance",
                            "client",
                            "désignation",
                            "ht",
                            "ttc",
                            "numéro"),
            "nld",
                    Set.of(
                            "de",
                            "het",
                            "een",
                            "en",
                            "van",
                            "voor",
                            "factuur",
                            "bedrag",
                            "totaal",
                            "datum",
                            "btw",
                            "prijs",
                            "aantal",
                            "omschrijving",
                            "betalen",
                            "vervaldatum",
                            "klant",
                            "nummer",
                            "excl",
                            "incl"),
            "spa",
                    Set.of(
                            "el",
                            "la",
                            "los",
                            "las",
                            "y",
                            "de",
                            "factura",
                            "importe",
                            "total",
                            "fecha",
                            "iva",
                            "precio",
                            "cantidad",
                            "pagar",
                            "cliente",
                            "descripción",
                            "número",
                            "vencimiento",
                            "base",
                            "imponible"),
            "ita",
                    Set.of(
                            "il",
                            "la",
                            "di",
                            "e",
                            "per",
                            "fattura",
                            "importo",
                            "totale",
                            "data",
                            "iva",
                            "prezzo",
                            "quantità",
                            "pagamento",
                            "cliente",
                            "descrizione",
                            "numero",
                            "scadenza",
                            "imponibile",
                            "euro",
                            "del"));

    private OcrLanguage() {}

    /** The configured language whose words are most frequent, when there are enough words to tell. */
    static Optional<String> detect(String text, List<String> configured) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (String language : configured) {
            Set<String> vocabulary = WORDS.get(language);
            if (vocabulary == null) {
                continue;
            }
            int count = 0;
            for (String word : words) {
                if (vocabulary.contains(word)) {
                    count++;
                }
            }
            hits.put(language, count);
        }
        return hits.entrySet().stream()
                .filter(e -> e.getValue() >= 3)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }
}
