package com.gemmavision.documents;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the key fields of a financial document with rules that work across layouts and across English,
 * German, French, Dutch, Spanish and Italian: labels in each language, values on the label's line or the
 * next, dates and amounts in every usual notation, IBANs checked by their mod-97 checksum. Every field keeps
 * the page and line it came from and a confidence.
 */
public final class FieldExtractor {

    public static final List<String> FIELDS = List.of("documentType", "invoiceNumber", "issueDate", "dueDate",
            "totalAmount", "taxAmount", "netAmount", "currency", "issuer", "iban", "bic", "vatId");

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Map<String, Pattern> DOCUMENT_TYPES = documentTypes();

    private static final Pattern INVOICE_NUMBER_LABEL = Pattern.compile(
            "(invoice\\s*(?:no\\.?|number|num\\.?|nr\\.?|#|id)|invoice\\s*:|credit\\s*note\\s*(?:no\\.?|number|#)"
                    + "|receipt\\s*(?:no\\.?|number|#)|rechnungs?-?\\s*(?:nummer|nr\\.?|no\\.?)|rechnung\\s*nr\\.?"
                    + "|gutschrift\\s*(?:nr\\.?|nummer)|belegnummer|n[°º]\\s*de\\s*facture|num[ée]ro\\s*de\\s*facture"
                    + "|facture\\s*n[°º]|avoir\\s*n[°º]|factuur\\s*(?:nummer|nr\\.?)|factuurnummer|creditnota\\s*nr\\.?"
                    + "|n[úu]mero\\s*de\\s*factura|factura\\s*(?:n\\.?[°º]?|n[úu]m\\.?)|n[°º]\\s*factura"
                    + "|numero\\s*(?:di\\s*)?fattura|fattura\\s*(?:n\\.?[°º]?|nr\\.?)|n\\.\\s*fattura)", FLAGS);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9][A-Z0-9\\-/._]{2,29}", FLAGS);

    private static final Pattern ISSUE_DATE_LABEL = Pattern.compile(
            "(invoice\\s*date|date\\s*of\\s*issue|issue\\s*date|issued|rechnungsdatum|belegdatum|ausstellungsdatum"
                    + "|date\\s*de\\s*(?:la\\s*)?facture|date\\s*d[''’]?[ée]mission|factuurdatum|fecha\\s*de\\s*(?:la\\s*)?"
                    + "(?:factura|emisi[óo]n)|data\\s*(?:della\\s*)?fattura|data\\s*(?:di\\s*)?emissione"
                    + "|\\bdate\\b|\\bdatum\\b|\\bfecha\\b|\\bdata\\b)", FLAGS);
    private static final Pattern DUE_DATE_LABEL = Pattern.compile(
            "(due\\s*date|payment\\s*due|due\\s*by|pay\\s*by|f(?:ä|a|ae)lligkeit(?:sdatum)?|f(?:ä|a|ae)llig\\s*am|zahlbar\\s*bis"
                    + "|date\\s*d[''’]?[ée]ch[ée]ance|[ée]ch[ée]ance|vervaldatum|uiterste\\s*betaaldatum"
                    + "|fecha\\s*de\\s*vencimiento|vencimiento|data\\s*(?:di\\s*)?scadenza|scadenza)", FLAGS);

    private static final Pattern TOTAL_LABEL = Pattern.compile(
            "(grand\\s*total|total\\s*(?:amount\\s*)?due|amount\\s*due|balance\\s*due|total\\s*payable|invoice\\s*total"
                    + "|gesamtbetrag|gesamtsumme|rechnungsbetrag|endbetrag|zu\\s*zahlen|total\\s*ttc|montant\\s*total"
                    + "|net\\s*[àa]\\s*payer|totaalbedrag|te\\s*betalen|totaal|importe\\s*total|total\\s*a\\s*pagar"
                    + "|totale\\s*(?:fattura|documento|da\\s*pagare)?|importo\\s*totale|\\btotal\\b|\\bsumme\\b)", FLAGS);
    private static final Pattern TAX_LABEL = Pattern.compile(
            "(\\bvat\\b|sales\\s*tax|\\btax\\b|\\bgst\\b|mwst|\\bust\\b|umsatzsteuer|mehrwertsteuer|\\btva\\b|\\bbtw\\b"
                    + "|\\biva\\b)", FLAGS);
    private static final Pattern NET_LABEL = Pattern.compile(
            "(sub-?\\s*total|net\\s*amount|total\\s*net|\\bnet\\b|nettobetrag|netto|zwischensumme|total\\s*ht"
                    + "|montant\\s*ht|sous-total|subtotaal|base\\s*imponible|imponibile|totale\\s*imponibile)", FLAGS);
    private static final Pattern VAT_ID_LABEL = Pattern.compile(
            "(vat\\s*(?:no|number|id|reg)|ust-?\\s*id|ust\\.?-?idnr|steuernummer|tva\\s*intra|n[°º]\\s*tva|btw-?\\s*(?:nr|nummer|id)"
                    + "|nif|cif|partita\\s*iva|p\\.?\\s*iva)", FLAGS);

    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern BIC_LABEL = Pattern.compile("(\\bbic\\b|\\bswift\\b)", FLAGS);
    private static final Pattern BIC = Pattern.compile("\\b([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b");
    private static final Pattern VAT_ID = Pattern.compile(
            "(ATU\\d{8}|BE0?\\d{9,10}|DE\\d{9}|DK\\d{8}|ES[A-Z0-9]\\d{7}[A-Z0-9]|FR[A-HJ-NP-Z0-9]{2}\\d{9}"
                    + "|GB\\d{9}(?:\\d{3})?|IE\\d{7}[A-Z]{1,2}|IT\\d{11}|LU\\d{8}|NL\\d{9}B\\d{2}|PL\\d{10}|PT\\d{9}"
                    + "|SE\\d{12}|CHE\\d{9})");

    private static final Pattern COMPANY = Pattern.compile(
            "\\b(GmbH|AG|KG|e\\.K\\.|Ltd\\.?|Limited|LLC|Inc\\.?|plc|S\\.?A\\.?S?|SARL|S\\.?A\\.?R\\.?L\\.?|B\\.?V\\.?|N\\.?V\\.?"
                    + "|S\\.?L\\.?|S\\.?p\\.?A\\.?|S\\.?r\\.?l\\.?|Corp\\.?|Company|GbR|OHG)(?![\\w])");

    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("€", "EUR", "£", "GBP", "₹", "INR",
            "zł", "PLN", "¥", "JPY", "$", "USD");
    private static final Pattern CURRENCY_CODE = Pattern.compile(
            "\\b(EUR|USD|GBP|INR|PLN|CHF|JPY|CAD|AUD|SEK|NOK|DKK|CZK|HUF|CNY)\\b");

    /** A line of a page, with its page number. */
    private record Line(int page, String text) {
    }

    public Map<String, ExtractedField> extract(List<PageText> pages) {
        List<Line> lines = new ArrayList<>();
        for (PageText page : pages) {
            for (String line : page.text().split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(new Line(page.pageNumber(), line.strip()));
                }
            }
        }
        Map<String, ExtractedField> fields = new LinkedHashMap<>();
        documentType(lines).ifPresent(f -> fields.put(f.name(), f));
        Optional<ExtractedField> currency = currency(lines);
        boolean usOrder = currency.map(c -> c.value().equals("USD")).orElse(false);
        labelled("invoiceNumber", lines, INVOICE_NUMBER_LABEL, FieldExtractor::identifier).ifPresent(f -> fields.put(f.name(), f));
        Optional<ExtractedField> due = labelled("dueDate", lines, DUE_DATE_LABEL, text -> firstDate(text, usOrder));
        Optional<ExtractedField> issue = issueDate(lines, usOrder, due);
        issue.ifPresent(f -> fields.put(f.name(), f));
        due.ifPresent(f -> fields.put(f.name(), f));
        amounts(lines, fields);
        currency.ifPresent(f -> fields.put(f.name(), f));
        issuer(lines).ifPresent(f -> fields.put(f.name(), f));
        iban(lines).ifPresent(f -> fields.put(f.name(), f));
        labelled("bic", lines, BIC_LABEL, FieldExtractor::bic).ifPresent(f -> fields.put(f.name(), f));
        vatId(lines).ifPresent(f -> fields.put(f.name(), f));
        return fields;
    }

    private static Map<String, Pattern> documentTypes() {
        Map<String, Pattern> types = new LinkedHashMap<>();
        types.put("credit note", Pattern.compile("(credit\\s*note|gutschrift|\\bavoir\\b|creditnota|nota\\s*de\\s*cr[ée]dito"
                + "|nota\\s*di\\s*credito)", FLAGS));
        types.put("annual report", Pattern.compile("(annual\\s*report|gesch[äa]ftsbericht|jahresbericht|rapport\\s*annuel"
                + "|jaarverslag|informe\\s*anual|relazione\\s*(?:finanziaria\\s*)?annuale)", FLAGS));
        types.put("bank statement", Pattern.compile("(bank\\s*statement|account\\s*statement|statement\\s*of\\s*account"
                + "|kontoauszug|relev[ée]\\s*de\\s*compte|rekeningafschrift|extracto\\s*(?:bancario|de\\s*cuenta)"
                + "|estratto\\s*(?:di\\s*)?conto)", FLAGS));
        types.put("invoice", Pattern.compile("(\\binvoice\\b|\\brechnung\\b|\\bfacture\\b|\\bfactuur\\b|\\bfactura\\b"
                + "|\\bfattura\\b)", FLAGS));
        types.put("receipt", Pattern.compile("(\\breceipt\\b|\\bquittung\\b|kassenbon|\\bre[çc]u\\b|ticket\\s*de\\s*caisse"
                + "|kassabon|\\bkwitantie\\b|\\brecibo\\b|\\bricevuta\\b|\\bscontrino\\b)", FLAGS));
        return types;
    }

    /** The first type whose words appear, weighting the first lines (titles) most. */
    private static Optional<ExtractedField> documentType(List<Line> lines) {
        String best = null;
        double bestScore = 0;
        Line evidence = null;
        for (Map.Entry<String, Pattern> type : DOCUMENT_TYPES.entrySet()) {
            double score = 0;
            Line first = null;
            for (int i = 0; i < lines.size(); i++) {
                if (type.getValue().matcher(lines.get(i).text()).find()) {
                    score += i < 8 ? 3 : 1;
                    if (first == null) {
                        first = lines.get(i);
                    }
                }
            }
            if (score > bestScore) {
                best = type.getKey();
                bestScore = score;
                evidence = first;
            }
        }
        if (best == null) {
            return Optional.of(new ExtractedField("documentType", "other", null, null, 0.3));
        }
        return Optional.of(new ExtractedField("documentType", best, evidence.page(), evidence.text(),
                Math.min(0.95, 0.5 + bestScore / 10)));
    }

    /** A value found after a label on its line, or else at the start of the next line. */
    private static Optional<ExtractedField> labelled(String name, List<Line> lines, Pattern label,
                                                     java.util.function.Function<String, Optional<String>> value) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = label.matcher(lines.get(i).text());
            if (!matcher.find()) {
                continue;
            }
            String rest = lines.get(i).text().substring(matcher.end());
            Optional<String> found = value.apply(rest);
            if (found.isPresent()) {
                return Optional.of(new ExtractedField(name, found.get(), lines.get(i).page(), lines.get(i).text(), 0.9));
            }
            if (i + 1 < lines.size() && lines.get(i + 1).page() == lines.get(i).page()) {
                found = value.apply(lines.get(i + 1).text());
                if (found.isPresent()) {
                    return Optional.of(new ExtractedField(name, found.get(), lines.get(i).page(),
                            lines.get(i).text() + " / " + lines.get(i + 1).text(), 0.75));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> identifier(String text) {
        Matcher matcher = IDENTIFIER.matcher(text.replaceFirst("^[\\s:#.°º-]+", ""));
        while (matcher.find()) {
            String candidate = matcher.group().replaceAll("[._-]+$", "");
            if (candidate.chars().anyMatch(Character::isDigit) && !Dates.DATE_LIKE.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstDate(String text, boolean usOrder) {
        return Dates.find(text, usOrder).stream().findFirst().map(d -> d.date().toString());
    }

    private static Optional<ExtractedField> issueDate(List<Line> lines, boolean usOrder, Optional<ExtractedField> due) {
        Optional<ExtractedField> labelled = Optional.empty();
        for (int i = 0; i < lines.size() && labelled.isEmpty(); i++) {
            String text = lines.get(i).text();
            Matcher matcher = ISSUE_DATE_LABEL.matcher(text);
            if (matcher.find() && !DUE_DATE_LABEL.matcher(text).find()) {
                Optional<String> date = firstDate(text.substring(matcher.end()), usOrder);
                if (date.isPresent()) {
                    labelled = Optional.of(new ExtractedField("issueDate", date.get(), lines.get(i).page(), text, 0.9));
                }
            }
        }
        if (labelled.isPresent()) {
            return labelled;
        }
        for (Line line : lines) {
            for (Dates.Found date : Dates.find(line.text(), usOrder)) {
                String iso = date.date().toString();
                if (due.map(d -> !d.value().equals(iso)).orElse(true)) {
                    return Optional.of(new ExtractedField("issueDate", iso, line.page(), line.text(), 0.5));
                }
            }
        }
        return Optional.empty();
    }

    /** Total, tax and net: the last amount on a labelled line; totals prefer the strongest label, then the last. */
    private static void amounts(List<Line> lines, Map<String, ExtractedField> fields) {
        Optional<ExtractedField> net = lastAmount("netAmount", lines, NET_LABEL, null);
        Optional<ExtractedField> tax = lastAmount("taxAmount", lines, TAX_LABEL, NET_LABEL);
        // "USt-IdNr.: DE 123 456 789" and "N° TVA intracom. FR 40 ..." name a tax id, not a tax amount.
        Optional<ExtractedField> total = lastAmount("totalAmount", lines, TOTAL_LABEL, NET_LABEL);
        if (total.isPresent() && net.isPresent() && tax.isPresent()) {
            BigDecimal sum = new BigDecimal(net.get().value()).add(new BigDecimal(tax.get().value()));
            if (sum.compareTo(new BigDecimal(total.get().value())) == 0) {
                total = total.map(f -> withConfidence(f, 0.97));
                net = net.map(f -> withConfidence(f, 0.95));
                tax = tax.map(f -> withConfidence(f, 0.95));
            }
        }
        net.ifPresent(f -> fields.put(f.name(), f));
        tax.ifPresent(f -> fields.put(f.name(), f));
        total.ifPresent(f -> fields.put(f.name(), f));
    }

    private static ExtractedField withConfidence(ExtractedField field, double confidence) {
        return new ExtractedField(field.name(), field.value(), field.pageNumber(), field.snippet(), confidence);
    }

    private static Optional<ExtractedField> lastAmount(String name, List<Line> lines, Pattern label, Pattern exclude) {
        ExtractedField best = null;
        for (Line line : lines) {
            Matcher matcher = label.matcher(line.text());
            if (!matcher.find() || (exclude != null && exclude.matcher(line.text()).find())
                    || VAT_ID_LABEL.matcher(line.text()).find() || IBAN.matcher(line.text()).find()) {
                continue;
            }
            List<Amounts.Found> amounts = Amounts.find(line.text().substring(matcher.end()));
            if (amounts.isEmpty()) {
                continue;
            }
            // Money has cents; a bare number on the line is more likely a count or a rate.
            List<Amounts.Found> money = amounts.stream().filter(Amounts.Found::hasDecimals).toList();
            Amounts.Found amount = money.isEmpty() ? amounts.get(amounts.size() - 1) : money.get(money.size() - 1);
            double confidence = amount.hasDecimals() ? 0.8 : 0.6;
            // Later labelled lines win: totals and tax summaries sit at the bottom of a document.
            best = new ExtractedField(name, amount.value().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(),
                    line.page(), line.text(), confidence);
            if (name.equals("totalAmount") && !matcher.group().toLowerCase(Locale.ROOT).matches("total|summe|totale|totaal")) {
                // A specific label ("Grand total", "Gesamtbetrag") is better evidence than a bare "Total".
                best = withConfidence(best, 0.85);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<ExtractedField> currency(List<Line> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Line> evidence = new LinkedHashMap<>();
        for (Line line : lines) {
            Matcher codes = CURRENCY_CODE.matcher(line.text());
            while (codes.find()) {
                counts.merge(codes.group(1), 2, Integer::sum);
                evidence.putIfAbsent(codes.group(1), line);
            }
            for (Map.Entry<String, String> symbol : CURRENCY_SYMBOLS.entrySet()) {
                if (line.text().contains(symbol.getKey())) {
                    counts.merge(symbol.getValue(), 1, Integer::sum);
                    evidence.putIfAbsent(symbol.getValue(), line);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(best -> {
            Line line = evidence.get(best.getKey());
            double confidence = best.getKey().equals("USD") && !line.text().contains("USD") ? 0.6 : 0.9;
            return new ExtractedField("currency", best.getKey(), line.page(), line.text(), confidence);
        });
    }

    private static Optional<ExtractedField> issuer(List<Line> lines) {
        int limit = Math.min(lines.size(), 15);
        for (int i = 0; i < limit; i++) {
            Matcher matcher = COMPANY.matcher(lines.get(i).text());
            if (matcher.find()) {
                String name = lines.get(i).text().split("\\s{2,}")[0].strip();
                if (COMPANY.matcher(name).find()) {
                    return Optional.of(new ExtractedField("issuer", name, lines.get(i).page(), lines.get(i).text(), 0.8));
                }
            }
        }
        for (int i = 0; i < limit; i++) {
            String text = lines.get(i).text().split("\\s{2,}")[0].strip();
            boolean title = DOCUMENT_TYPES.values().stream().anyMatch(p -> p.matcher(text).find());
            if (!title && text.chars().anyMatch(Character::isLetter) && text.length() > 2) {
                return Optional.of(new ExtractedField("issuer", text, lines.get(i).page(), lines.get(i).text(), 0.4));
            }
        }
        return Optional.empty();
    }

    private static Optional<ExtractedField> iban(List<Line> lines) {
        for (Line line : lines) {
            Matcher matcher = IBAN.matcher(line.text().toUpperCase(Locale.ROOT));
            while (matcher.find()) {
                String iban = matcher.group(1).replace(" ", "");
                if (iban.length() >= 15 && iban.length() <= 34 && ibanChecksumValid(iban)) {
                    return Optional.of(new ExtractedField("iban", iban, line.page(), line.text(), 0.98));
                }
            }
        }
        return Optional.empty();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, the whole mod 97 must be 1. */
    static boolean ibanChecksumValid(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static Optional<String> bic(String text) {
        Matcher matcher = BIC.matcher(text.replaceFirst("^[\\s:/-]+", ""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<ExtractedField> vatId(List<Line> lines) {
        ExtractedField unlabelled = null;
        for (Line line : lines) {
            String compact = line.text().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
            Matcher matcher = VAT_ID.matcher(compact);
            if (matcher.find()) {
                boolean labelled = VAT_ID_LABEL.matcher(line.text()).find();
                ExtractedField field = new ExtractedField("vatId", matcher.group(1), line.page(), line.text(),
                        labelled ? 0.9 : 0.6);
                if (labelled) {
                    return Optional.of(field);
                }
                if (unlabelled == null && !IBAN.matcher(line.text().toUpperCase(Locale.ROOT)).find()) {
                    unlabelled = field;
                }
            }
        }
        return Optional.ofNullable(unlabelled);
    }
}
