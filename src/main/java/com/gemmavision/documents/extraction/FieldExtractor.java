package com.gemmavision.documents.extraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.gemmavision.documents.text.PageText;

import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * Finds the key fields of an invoice, receipt, credit note or e-invoice with rules that work across layouts and
 * across English, German, French, Dutch, Spanish and Italian, with no template per issuer:
 * <ul>
 * <li>label vocabularies per language, with the value right of its label, on the next line, or below it in the
 * same column (a header row over a value row);</li>
 * <li>amounts as candidates for each role (grand total, amount due, net, tax), scored by the label's strength
 * and the printing, then chosen together where net + tax = total;</li>
 * <li>an e-invoice's embedded XML first, each value cross-checked against the visible page;</li>
 * <li>checks that raise or lower each value's confidence and are listed with it (IBAN country length and
 * mod-97, VAT number formats, net + tax = total, lines summing to net, due date not before issue date, the
 * currency against the symbols printed). A check never changes a value.</li>
 * <li>a confidence that is the probability of being right, from a model trained on labelled documents
 * ({@link ConfidenceModel}) over the rules' evidence; a value below {@value #STATED} is shown as not sure rather
 * than stated.</li>
 * </ul>
 * Field names and meanings follow EN 16931 and the usual invoice models (see the README's field table).
 */
public final class FieldExtractor {

    /** Every field's name, in order ({@link InvoiceField}). */
    public static final List<String> FIELDS = InvoiceField.names();

    /** What people call each field (the page shows these; JSON and CSV keep the names). */
    public static final Map<String, String> LABELS = InvoiceField.labels();

    /** Names earlier versions used, kept as aliases in the JSON. */
    public static final Map<String, String> ALIASES = InvoiceField.aliasNames();

    /**
     * Below this probability of being right a value is not stated but shown as "not sure": a blank beats a wrong
     * figure. Chosen on the held-out figures of the extraction bench (see the README): from 0.7 at most 2% of
     * labelled values are stated wrongly, with 91.5% right; 0.5 states 3.5% wrongly for 0.4 points more right.
     * On unseen stores it states 5.7% wrongly, so the app states from the thresholds the bench chooses on grouped
     * folds ({@link FieldThresholds}); this stays the fallback for what they do not name.
     */
    public static final double STATED = 0.7;

    /** The thresholds the app states from: the committed ones ({@link FieldThresholds#bundled}), read once. */
    public static final FieldThresholds SHIPPED = FieldThresholds.bundled(STATED);

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Map<String, Pattern> DOCUMENT_TYPES = documentTypes();

    private static final Pattern INVOICE_NUMBER_LABEL = Pattern.compile(
            "(invoice\\s*(?:no\\.?|number|num\\.?|nr\\.?|#|id)|inv\\.?\\s*no\\.?|invoice\\s*:|bill\\s*(?:no\\.?|#)"
                    + "|credit\\s*note\\s*(?:no\\.?|number|#)|receipt\\s*(?:no\\.?|number|#)|document\\s*(?:no\\.?|number)"
                    + "|rechnungs?-?\\s*(?:nummer|nr\\.?|no\\.?)|rechnung\\s*nr\\.?|gutschrift\\s*(?:nr\\.?|nummer)"
                    + "|beleg-?\\s*(?:nummer|nr\\.?)|n[°º]\\s*de\\s*facture|num[ée]ro\\s*de\\s*facture|facture\\s*n[°º]"
                    + "|avoir\\s*n[°º]|factuur\\s*(?:nummer|nr\\.?)|factuurnummer|creditnota\\s*nr\\.?"
                    + "|n[úu]mero\\s*de\\s*factura|factura\\s*(?:n\\.?[°º]?|n[úu]m\\.?)|n[°º]\\s*factura"
                    + "|numero\\s*(?:di\\s*)?fattura|fattura\\s*(?:n\\.?[°º]?|nr\\.?)|n\\.\\s*fattura)",
            FLAGS);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9][A-Z0-9\\-/._\\\\]{2,29}", FLAGS);

    private static final Pattern ISSUE_DATE_LABEL = Pattern.compile(
            "(invoice\\s*date|date\\s*of\\s*issue|issue\\s*date|issued|rechnungsdatum|beleg-?\\s*datum|ausstellungsdatum"
                    + "|date\\s*de\\s*(?:la\\s*)?facture|date\\s*d['’]?[ée]mission|factuurdatum|fecha\\s*de\\s*(?:la\\s*)?"
                    + "(?:factura|emisi[óo]n)|data\\s*(?:della\\s*)?fattura|data\\s*(?:di\\s*)?emissione"
                    + "|\\bdate\\b|\\bdatum\\b|\\bfecha\\b|\\bdata\\b)",
            FLAGS);
    private static final Pattern DUE_DATE_LABEL = Pattern.compile(
            "(due\\s*date|payment\\s*due|due\\s*by|pay\\s*by|payable\\s*(?:by|until|before)|f(?:ä|a|ae)lligkeit(?:sdatum)?"
                    + "|f(?:ä|a|ae)llig\\s*(?:am|bis)|zahlbar\\s*(?:[^.]{0,40}?)\\bbis|zahlungsziel|date\\s*d['’]?[ée]ch[ée]ance"
                    + "|[ée]ch[ée]ance|payer\\s*avant|vervaldatum|uiterste\\s*betaaldatum|te\\s*betalen\\s*voor"
                    + "|fecha\\s*de\\s*vencimiento|vencimiento|data\\s*(?:di\\s*)?scadenza|scadenza)",
            FLAGS);

    /** Labels of a grand total, strongest first in spirit: tax included, before prepayments. */
    private static final Pattern TOTAL_STRONG = Pattern.compile(
            "(grand\\s*total|invoice\\s*total|total\\s*amount|total\\s*(?:incl|inkl|inclusive|including|ttc|\\(incl|with\\s*(?:gst|vat|tax))"
                    + "|nett?\\s*total|total\\s*sales|gesamtbetrag|gesamtsumme|rechnungsbetrag|endbetrag"
                    + "|rechnungssumme\\s*brutto|bruttobetrag|\\bbrutto\\b|total\\s*ttc|montant\\s*(?:total\\s*)?ttc"
                    + "|montant\\s*total|totaal\\s*(?:incl|bedrag)|totaalbedrag|importe\\s*total|total\\s*factura"
                    + "|totale\\s*(?:fattura|documento)|importo\\s*totale)",
            FLAGS);

    private static final Pattern TOTAL_WEAK =
            Pattern.compile("(\\btotal\\b|\\bsumme\\b|\\btotale\\b|\\btotaal\\b|\\bttl\\b)", FLAGS);
    private static final Pattern DUE_LABEL = Pattern.compile(
            "(ttl\\s*a[ft]{2}\\s*r\\w{2}|total\\s*after\\s*round(?:ing)?|rounded\\s*total|amount\\s*due|total\\s*due|balance\\s*due|amount\\s*payable|total\\s*payable|zahlbetrag|zu\\s*zahlen"
                    + "|restbetrag|net\\s*[àa]\\s*payer|reste\\s*[àa]\\s*payer|te\\s*betalen|importe\\s*a\\s*pagar"
                    + "|totale\\s*da\\s*pagare|da\\s*pagare)",
            FLAGS);
    private static final Pattern NET_LABEL = Pattern.compile(
            "(sub-?\\s*total|net\\s*amount|total\\s*net|total\\s*(?:excl|exkl|before\\s*tax|ht)|\\bnet\\b(?!\\s*total)"
                    + "|nettobetrag|netto|ohne\\s*(?:ust|mwst)|exkl\\.?\\s*(?:ust|mwst)|excl\\.?\\s*(?:vat|tax|gst|btw)"
                    + "|zwischensumme|warenwert|summe\\s*positionen|montant\\s*ht|sous-total|subtotaal|base\\s*imponible"
                    + "|imponibile|taxable\\s*(?:amount|value))",
            FLAGS);
    private static final Pattern TAX_LABEL = Pattern.compile(
            "(\\bvat\\b|sales\\s*tax|\\btax\\b|\\bgst\\b|mwst|\\bust\\b|umsatzsteuer|mehrwertsteuer|\\btva\\b|\\bbtw\\b"
                    + "|\\biva\\b|\\bsst\\b|\\bcgst\\b|\\bsgst\\b|\\butgst\\b|\\bigst\\b|\\bpst\\b|\\bhst\\b|\\bqst\\b)",
            FLAGS);
    /** Lines whose amounts are no total, net or tax: counts, payments, change, allowances, terms. */
    private static final Pattern NOT_AN_AMOUNT_LINE = Pattern.compile(
            "(total\\s*(?:qty|quantity|items?|item\\(s\\)|pcs|pieces|disc|discount|savings|weight|points|units)"
                    + "|\\bqty\\b|\\bcash\\b|\\bchange\\b|tender|\\bpaid\\b|payment|rounding|round(?:ing)?\\s*adj|rnd\\s*adj"
                    + "|deposit|prepaid|prepayment|anzahlung|vorauszahlung|acompte|previous\\s*balance|skonto|rabatt"
                    + "|abschl[äa]ge|zuschl[äa]ge|allowance|\\bcharges?\\s*total|remise|zahlbar|payable\\s*within|innerhalb"
                    + "|within\\s*\\d+\\s*days|\\btage\\b|\\bdays\\b|points|saved|you\\s*save"
                    + "|total\\s*\\S{0,2}%|supplies)",
            FLAGS);
    /** An amount due after rounding: EN 16931 adds the rounding to the grand total, so it is not the total. */
    private static final Pattern ROUNDED =
            Pattern.compile("(ttl\\s*a[ft]{2}\\s*r\\w{2}|after\\s*round|rounded)", FLAGS);

    /** A count printed beside amounts ("Total Pcs.: 27 Total Price: 293.52"): blanked out, the rest still read. */
    private static final Pattern COUNT = Pattern.compile(
            "total\\s*(?:qty|quantity|items?|item\\(s\\)|pcs|pieces|units)\\.?\\s*:?\\s*[\\d.,]+", FLAGS);

    /** Something was paid before: the amount due is then not the grand total. */
    private static final Pattern PREPAID = Pattern.compile(
            "(prepaid|prepayment|previous\\s*balance|paid\\s*to\\s*date|already\\s*paid|anzahlung|vorauszahlung"
                    + "|bereits\\s*(?:bezahlt|gezahlt)|acompte|d[ée]j[àa]\\s*pay[ée]|aanbetaling|anticipo)",
            FLAGS);
    /** A tax line that sums the others. */
    private static final Pattern TAX_TOTAL = Pattern.compile("(total|summe|gesamt|totale?|totaal)", FLAGS);

    private static final Pattern TAX_INCLUDED =
            Pattern.compile("(total\\s*includes?|incl(?:uded|udes)?\\s*(?:gst|vat|tax))", FLAGS);

    private static final Pattern VAT_ID_LABEL = Pattern.compile(
            "(vat\\s*(?:no|number|id|reg)|ust-?\\s*id|ust\\.?-?(?:id)?(?:ent)?-?nr|umsatzsteuer-?id|steuernummer|tva\\s*intra"
                    + "|n[°º]\\s*tva|num[ée]ro\\s*de\\s*tva|btw-?\\s*(?:nr|nummer|id)|\\bnif\\b|\\bcif\\b|partita\\s*iva"
                    + "|p\\.?\\s*iva|gstin)",
            FLAGS);
    /** How the six languages name the buyer: as a label, and as the words that mark the buyer's block. */
    private static final String BUYER_WORDS =
            "bill(?:ed)?\\s*to|sold\\s*to|invoice\\s*(?:to|for)|customer|client|kunde|k[äa]ufer"
                    + "|rechnungsempf[äa]nger|buyer|acheteur|destinataire|factur[ée]\\s*[àa]|klant|cliente|intestatario|acquirente";

    private static final Pattern BUYER_CONTEXT =
            Pattern.compile("(" + BUYER_WORDS + "|ship\\s*to|\\bihre\\b|\\byour\\b|\\ban:)", FLAGS);
    private static final Pattern BUYER_LABEL =
            Pattern.compile("(customer\\s*name|" + BUYER_WORDS + ")(?!['’]\\p{L})\\s*:?", FLAGS);
    private static final Pattern SELLER_LABEL = Pattern.compile(
            "(seller|vendor|supplier|from|verk[äa]ufer|lieferant|fournisseur|vendeur|leverancier|proveedor|fornitore)"
                    + "\\s*:",
            FLAGS);
    private static final Pattern PO_LABEL = Pattern.compile(
            "(p\\.?\\s*o\\.?\\s*(?:number|no\\.?|#)|purchase\\s*order(?:\\s*(?:no\\.?|number))?|order\\s*(?:no\\.?|number)"
                    + "|bestellnummer|bestell-?nr\\.?|ihre\\s*bestellung|auftragsnummer|bon\\s*de\\s*commande"
                    + "|n[°º]\\s*de\\s*commande|bestelnummer|n[úu]mero\\s*de\\s*pedido|numero\\s*ordine)",
            FLAGS);
    private static final Pattern TERMS_LABEL = Pattern.compile(
            "(payment\\s*terms|terms\\s*of\\s*payment|zahlungsbedingungen|zahlungsziel|conditions\\s*de\\s*paiement"
                    + "|betalingsvoorwaarden|condiciones\\s*de\\s*pago|condizioni\\s*di\\s*pagamento)\\s*:?",
            FLAGS);
    private static final Pattern TERMS_SENTENCE = Pattern.compile(
            "((?:zahlbar|payable|payment\\s*due|à\\s*payer|pago|pagamento|te\\s*betalen)[^\\n]{0,120}"
                    + "(?:tage|days|jours|dagen|días|dias|giorni|netto|net|sofort|immediately|r[ée]ception))",
            FLAGS);

    private static final Pattern IBAN =
            Pattern.compile("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern BIC_LABEL = Pattern.compile("(\\bbic\\b|\\bswift\\b)", FLAGS);
    private static final Pattern BIC = Pattern.compile("\\b([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b");
    private static final Pattern VAT_ID = Pattern.compile(
            "(ATU\\d{8}|BE0?\\d{9,10}|DE\\d{9}|DK\\d{8}|ES[A-Z0-9]\\d{7}[A-Z0-9]|FR[A-HJ-NP-Z0-9]{2}\\d{9}"
                    + "|GB\\d{9}(?:\\d{3})?|IE\\d{7}[A-Z]{1,2}|IT\\d{11}|LU\\d{8}|NL\\d{9}B\\d{2}|PL\\d{10}|PT\\d{9}"
                    + "|SE\\d{12}|CHE\\d{9}|\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])");

    /** Legal forms, written as companies write them (case matters: "SA" is a form, "Sa" is noise). */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?<![\\p{L}])(GmbH(?:\\s*&\\s*Co\\.?\\s*KG)?|GMBH|AG|KG|UG|e\\.K\\.|Ltd\\.?|LTD\\.?|Limited|LIMITED|LLC|LLP"
                    + "|Inc\\.?|INC\\.?|plc|PLC|PLT|SAS|SARL|S\\.A\\.S?|SA|S\\.A\\.R\\.L\\.|B\\.V\\.|BV|N\\.V\\.|NV|S\\.L\\.|SL"
                    + "|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|Srl|SRL|Corp\\.?|CORP\\.?|Corporation|CORPORATION|Co\\.|CO\\."
                    + "|GbR|OHG|[Ss][Dd][Nn]\\.?\\s*[Bb][Hh][Dd]\\.?|BHD\\.?|Bhd\\.?|S/B|Pte\\.?\\s*Ltd\\.?|PTE\\.?\\s*LTD\\.?"
                    + "|Pvt\\.?\\s*Ltd\\.?|PVT\\.?\\s*LTD\\.?|P\\.?\\s*LTD\\.?)(?![\\p{L}])");
    /**
     * Words that name a business where no legal form is printed (shops and restaurants on receipts), in English,
     * Malay and the five other languages.
     */
    private static final List<String> BUSINESS_WORDS = List.of(
            "enterprise",
            "enterprises",
            "trading",
            "restaurant",
            "restoran",
            "bakeries",
            "bakery",
            "stationery",
            "marketing",
            "retail",
            "store",
            "stores",
            "supermarket",
            "mart",
            "pharmacy",
            "farmasi",
            "cafe",
            "café",
            "coffee",
            "kitchen",
            "hardware",
            "supplies",
            "distribution",
            "company",
            "industries",
            "services",
            "hotel",
            "bäckerei",
            "baeckerei",
            "apotheke",
            "metzgerei",
            "gaststätte",
            "handel",
            "boulangerie",
            "pharmacie",
            "librairie",
            "épicerie",
            "panadería",
            "farmacia",
            "ferretería",
            "supermercado",
            "ristorante",
            "panetteria",
            "tabaccheria",
            "bakkerij",
            "apotheek",
            "winkel");

    private static final Pattern BUSINESS_WORD = Pattern.compile(
            "(?<![\\p{L}])(" + String.join("|", BUSINESS_WORDS) + "|cash\\s*&\\s*carry)(?![\\p{L}])", FLAGS);

    /** Whether a line names a legal form ("GmbH", "Sdn Bhd", "Ltd") or a kind of business ("restaurant"). */
    static boolean namesABusiness(String line) {
        return LEGAL_FORM.matcher(line).find() || BUSINESS_WORD.matcher(line).find();
    }

    /** Characters print-OCR reads one for another ("BAKERLES" for "BAKERIES", "0" for "O"). */
    private static final List<String> LOOKALIKES = List.of("IL1|", "O0DQ", "S5$", "B8", "G6C", "EF", "Z2");

    /**
     * A name as OCR read it, with each word that differs from a business word only in look-alike characters (at
     * most two, in a word of six letters or more) spelled as that word: the words changed are returned so the
     * evidence can say so. Names are never respelled otherwise.
     */
    static Map.Entry<String, List<String>> respelled(String ocrName) {
        List<String> changed = new ArrayList<>();
        String name = ocrName;
        for (Map.Entry<Pattern, String> misread : NAME_MISREADINGS.entrySet()) {
            Matcher matcher = misread.getKey().matcher(name);
            if (matcher.find()) {
                changed.add(matcher.group() + " → " + misread.getValue());
                name = matcher.replaceAll(misread.getValue());
            }
        }
        StringBuilder out = new StringBuilder();
        Matcher word = Pattern.compile("[\\p{L}\\d$|]+").matcher(name);
        int last = 0;
        while (word.find()) {
            out.append(name, last, word.start());
            String read = word.group();
            String spelled = read;
            for (String known : BUSINESS_WORDS) {
                if (known.length() >= 6 && lookalike(read.toUpperCase(Locale.ROOT), known.toUpperCase(Locale.ROOT))) {
                    spelled = read.equals(read.toUpperCase(Locale.ROOT))
                            ? known.toUpperCase(Locale.ROOT)
                            : Character.toUpperCase(known.charAt(0)) + known.substring(1);
                    changed.add(read + " → " + spelled);
                    break;
                }
            }
            out.append(spelled);
            last = word.end();
        }
        out.append(name.substring(last));
        return Map.entry(out.toString(), changed);
    }

    /**
     * Characters no company name holds, read by OCR for ones it does: "$" beside capitals is an S ("RETAIL $B"),
     * braces are brackets ("{SP}"), and "SON" or "S0N" before "BHD" is Malaysia's "SDN".
     */
    private static final Map<Pattern, String> NAME_MISREADINGS = Map.of(
            Pattern.compile("\\$(?=\\p{Lu})|(?<=\\p{Lu})\\$"), "S",
            Pattern.compile("\\{"), "(",
            Pattern.compile("\\}"), ")",
            Pattern.compile("(?<!\\p{L})S[O0Q]N(?=\\.?\\s*BHD)"), "SDN");

    private static boolean lookalike(String read, String known) {
        if (read.length() != known.length() || read.equals(known)) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < read.length(); i++) {
            char a = read.charAt(i);
            char b = known.charAt(i);
            if (a != b) {
                boolean confusable = LOOKALIKES.stream().anyMatch(set -> set.indexOf(a) >= 0 && set.indexOf(b) >= 0);
                if (!confusable || ++differences > 2) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Pattern COMPANY =
            Pattern.compile(LEGAL_FORM.pattern() + "|" + "(?i:" + BUSINESS_WORD.pattern() + ")");

    /** Lines that are no name: registration numbers, addresses, contact details, titles. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(reg(?:istration)?\\.?\\s*no|company\\s*(?:no|reg)|gst|tax\\s*invoice|\\binvoice\\b|receipt|tel\\b|fax|phone"
                    + "|e-?mail|www\\.|http|jalan|street|strasse|straße|\\bstr\\.|road|avenue|rue|thank|welcome|page|seite"
                    + "|beispiel|sample|copy|kopie|\\bdate\\b|\\bdatum\\b|\\bno\\s*\\.|cashier|table|\\bbill\\b"
                    + "|\\bway\\b|\\blane\\b|\\bdrive\\b|\\bsuite\\b|\\bblvd\\b|\\bcode\\b|a/c|account|gstin|address"
                    + "|\\bnummer\\b|\\bnumber\\b|\\bprix\\b|\\bprice\\b|\\border\\b|signature|unterschrift)",
            FLAGS);

    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of(
            "€", "EUR", "£", "GBP", "₹", "INR", "zł", "PLN", "¥", "JPY", "$", "USD", "RM", "MYR", "S$", "SGD", "Rs.",
            "INR", "Rs", "INR");
    /** Symbols printed before the figure only; after one they are usually something else (a tax code "S"). */
    private static final Set<String> PREFIX_SYMBOLS = Set.of("RM", "S$", "Rs", "Rs.");

    /** Each symbol standing next to a figure with cents (or as a column heading "(RM)"), compiled once. */
    private static final Map<String, Pattern> SYMBOL_BESIDE_FIGURE = symbolPatterns();

    /** A figure with cents, its thousands grouped or not ("1.234,56", "1 234.56", "1234.56"). */
    private static final String FIGURE = "\\d{1,3}(?:[.,' ]?\\d{3})*[.,]\\d{2}(?!\\d)";

    private static Map<String, Pattern> symbolPatterns() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String symbol : CURRENCY_SYMBOLS.keySet()) {
            String quoted = Pattern.quote(symbol);
            boolean letters = symbol.chars().allMatch(Character::isLetter);
            String before = (letters ? "(?<![A-Za-z])" : "(?<![A-Za-z$])") + quoted + "\\s?" + FIGURE;
            String after = PREFIX_SYMBOLS.contains(symbol)
                    ? "$^"
                    : "\\d[.,]\\d{2}\\s?" + quoted + (letters ? "(?![A-Za-z])" : "");
            // a column heading: "(RM)", "(RM" cut by OCR, or the symbol alone closing a line of headings
            String heading = letters ? "\\(" + quoted + "(?![A-Za-z])|(?<![A-Za-z(])" + quoted + "\\)?\\s*$" : "$^";
            patterns.put(symbol, Pattern.compile(before + "|" + after + "|" + heading));
        }
        return Map.copyOf(patterns);
    }

    /** The ISO 4217 codes the extractor recognises. */
    private static final List<String> CURRENCY_CODES = List.of(
            "EUR", "USD", "GBP", "INR", "PLN", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "CZK", "HUF", "CNY",
            "MYR", "SGD");

    private static final Pattern CURRENCY_CODE = Pattern.compile("\\b(" + String.join("|", CURRENCY_CODES) + ")\\b");

    /** Symbols and codes, longest first so "S$" is tried before "$", each quoted for a pattern. */
    private static String alternatives(Collection<String> names) {
        return names.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** A line of a page, with its page number and where its text came from. */
    private record Line(int page, String text, String source, List<Double> words) {

        /**
         * OCR's confidence in the words that hold {@code printed} (all the line's words when it is not found);
         * null for text-layer lines.
         */
        Double ocrConfidence(String printed) {
            if (words.isEmpty()) {
                return null;
            }
            String[] tokens = text.split("\\s+");
            if (tokens.length != words.size()) {
                return words.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            }
            int at = printed == null ? -1 : text.indexOf(printed.strip());
            double lowest = 100;
            int position = 0;
            for (int i = 0; i < tokens.length; i++) {
                int start = text.indexOf(tokens[i], position);
                int end = start + tokens[i].length();
                position = end;
                boolean inside = at < 0 || (start < at + printed.strip().length() && end > at);
                if (inside) {
                    lowest = Math.min(lowest, words.get(i));
                }
            }
            return lowest;
        }
    }

    /** A candidate amount for one role, with its score. */
    private record Candidate(BigDecimal value, Line line, double score, String printed) {

        Candidate(Amounts.Found amount, Line line, double score) {
            this(amount.value(), line, score, amount.printed());
        }
    }

    /**
     * Evidence that keeps a value "not sure" whatever the model says, where the labelled corpus holds no example
     * to learn from and the reason is certain: an OCR reading of an IBAN whose check digits fail is far likelier a
     * misread digit than a misprint.
     */
    static final String NEVER_STATED = "never-stated";

    private final ConfidenceModel model;

    private final FieldThresholds stated;

    /** The learned reader of the total, when the app ships one ({@link AmountRanker#NAME}). */
    private final Optional<AmountRanker> totals;

    /** The learned reader of the seller, when the app ships one ({@link SellerRanker#NAME}). */
    private final Optional<SellerRanker> sellers;

    /** Evidence of a value chosen by a learned ranker: its confidence is the ranker's own probability. */
    static final String RANKED = "ranked";

    /** Whether a field's value was chosen by a learned ranker (its confidence is then the ranker's probability). */
    public static boolean ranked(ExtractedField field) {
        return field != null && field.evidence().contains(RANKED);
    }

    /** Whether the total is read from the page (not from an e-invoice's XML, which is the document itself). */
    public static boolean rankable(ExtractedField rulesTotal) {
        return rulesTotal == null || !ExtractedField.EMBEDDED_XML.equals(rulesTotal.source());
    }

    /**
     * The candidates with the total chosen by the ranker among every amount on the pages, where the total is read
     * from the page; the hand rules' choice is one of the ranker's features, not the decision.
     */
    public static Map<String, ExtractedField> withRankedTotal(
            Map<String, ExtractedField> candidates, List<PageText> pages, AmountRanker ranker) {
        ExtractedField rules = candidates.get("totalAmount");
        if (!rankable(rules)) {
            return candidates;
        }
        List<PageText> read = headAndTail(pages);
        Optional<AmountRanker.Pick> pick = ranker.pick(read, rules == null ? null : rules.value());
        if (pick.isEmpty()) {
            return candidates;
        }
        AmountRanker.Pick best = pick.get();
        String source = read.stream()
                .filter(p -> p.pageNumber() == best.candidate().page())
                .findFirst()
                .map(p -> p.source() == PageText.TextSource.OCR ? ExtractedField.OCR : ExtractedField.TEXT_LAYER)
                .orElse(ExtractedField.OCR);
        String value = best.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
        boolean agree = rules != null && same("totalAmount", rules.value(), value);
        return replaced(
                candidates,
                new ExtractedField(
                        "totalAmount",
                        value,
                        best.candidate().page(),
                        best.candidate().line(),
                        best.probability(),
                        source,
                        agree ? List.of("the rules chose it too") : List.of(),
                        List.of(),
                        List.of(RANKED)));
    }

    /** The candidates with the seller chosen by the ranker among the first lines, where it is read from the page. */
    public static Map<String, ExtractedField> withRankedSeller(
            Map<String, ExtractedField> candidates, List<PageText> pages, SellerRanker ranker) {
        ExtractedField rules = candidates.get("sellerName");
        if (!rankable(rules) || candidates.containsKey("totalAmount") && !rankable(candidates.get("totalAmount"))) {
            return candidates; // an e-invoice: its XML names the seller
        }
        Optional<SellerRanker.Pick> pick = ranker.pick(pages, rules == null ? null : rules.value());
        if (pick.isEmpty()) {
            return candidates;
        }
        SellerRanker.Pick best = pick.get();
        boolean agree = rules != null && same("sellerName", rules.value(), best.value());
        return replaced(
                candidates,
                new ExtractedField(
                        "sellerName",
                        best.value(),
                        best.candidate().page(),
                        best.candidate().line(),
                        best.probability(),
                        pages.get(0).source() == PageText.TextSource.OCR
                                ? ExtractedField.OCR
                                : ExtractedField.TEXT_LAYER,
                        agree ? List.of("the rules chose it too") : List.of(),
                        List.of(),
                        List.of(RANKED)));
    }

    /** The candidates with {@code field} in place of the one of its name, in field order. */
    private static Map<String, ExtractedField> replaced(Map<String, ExtractedField> candidates, ExtractedField field) {
        Map<String, ExtractedField> all = new LinkedHashMap<>(candidates);
        all.put(field.name(), field);
        Map<String, ExtractedField> ordered = new LinkedHashMap<>();
        for (String name : FIELDS) {
            if (all.containsKey(name)) {
                ordered.put(name, all.get(name));
            }
        }
        all.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /**
     * Rules with the committed confidence model, stating values from the committed thresholds
     * ({@link FieldThresholds#bundled}: chosen by grouped folds over the corpus and the receipts), else from
     * {@value #STATED}.
     */
    public FieldExtractor() {
        this(ConfidenceModel.bundled(), SHIPPED);
    }

    /**
     * @param model  what turns the rules' evidence into the probability that a value is right
     * @param stated the probability from which a value is stated; below it the value is shown as "not sure"
     */
    public FieldExtractor(ConfidenceModel model, double stated) {
        this(model, FieldThresholds.single(stated));
    }

    /** @param stated from which probability each field's value is stated */
    public FieldExtractor(ConfidenceModel model, FieldThresholds stated) {
        this(model, stated, AmountRanker.bundled(), SellerRanker.bundled());
    }

    public FieldExtractor(
            ConfidenceModel model, double stated, Optional<AmountRanker> totals, Optional<SellerRanker> sellers) {
        this(model, FieldThresholds.single(stated), totals, sellers);
    }

    public FieldExtractor(
            ConfidenceModel model,
            FieldThresholds stated,
            Optional<AmountRanker> totals,
            Optional<SellerRanker> sellers) {
        this.model = model;
        this.stated = stated;
        this.totals = totals;
        this.sellers = sellers;
    }

    public Map<String, ExtractedField> extract(List<PageText> pages) {
        return extract(pages, null);
    }

    /** The fields stated for a document (see {@link #read}). */
    public Map<String, ExtractedField> extract(List<PageText> pages, EInvoiceXml.Invoice xml) {
        return read(pages, xml).stated();
    }

    /**
     * What the rules read from a document, each value with the model's probability that it is right: those at the
     * threshold or above are stated, the rest are "not sure" (shown with their value, never used as stated).
     */
    public record Reading(Map<String, ExtractedField> stated, Map<String, ExtractedField> unsure) {}

    /** Fields of a document: from its e-invoice XML where there is one, cross-checked, else from its pages. */
    public Reading read(List<PageText> pages, EInvoiceXml.Invoice xml) {
        Map<String, ExtractedField> stated = new LinkedHashMap<>();
        Map<String, ExtractedField> unsure = new LinkedHashMap<>();
        Map<String, ExtractedField> candidates = candidates(pages, xml);
        if (totals.isPresent()) {
            candidates = withRankedTotal(candidates, pages, totals.get());
        }
        if (sellers.isPresent()) {
            candidates = withRankedSeller(candidates, pages, sellers.get());
        }
        candidates.forEach((name, field) -> {
            ExtractedField scored = ranked(field) ? field : field.withConfidence(model.probability(features(field)));
            boolean vetoed = field.evidence().contains(NEVER_STATED);
            if (!vetoed
                    && (scored.confidence() >= this.stated.of(name, field.source()) - 1e-9
                            || name.equals("documentType"))) {
                stated.put(name, scored);
            } else {
                unsure.put(name, scored);
            }
        });
        return new Reading(stated, unsure);
    }

    /** The confidence model's view of a field: its name, source, the rules' estimate and their evidence. */
    public static FieldFeatures features(ExtractedField field) {
        return FieldFeatures.of(field.name(), field.source(), field.confidence(), field.evidence());
    }

    /**
     * Every field the rules found, in field order, with the rules' own estimate as its confidence and the
     * evidence behind it: what the confidence model is trained on and applied to.
     */
    public static Map<String, ExtractedField> candidates(List<PageText> pages, EInvoiceXml.Invoice xml) {
        List<Line> lines = new ArrayList<>();
        for (PageText page : headAndTail(pages)) {
            String source = page.source() == PageText.TextSource.OCR ? ExtractedField.OCR : ExtractedField.TEXT_LAYER;
            List<String> texts = page.ruleLines();
            for (int i = 0; i < texts.size(); i++) {
                if (!texts.get(i).isBlank()) {
                    lines.add(new Line(page.pageNumber(), texts.get(i).strip(), source, page.wordConfidences(i)));
                }
            }
        }
        Map<String, ExtractedField> read = fromText(lines);
        Map<String, ExtractedField> fields = xml == null ? read : fromXml(xml, read, lines);
        check(fields, xml);
        Map<String, ExtractedField> ordered = new LinkedHashMap<>();
        for (String name : FIELDS) {
            if (fields.containsKey(name)) {
                ordered.put(name, fields.get(name));
            }
        }
        return ordered;
    }

    /** Pages read for key fields: all of a short document; the first four and the last two of a long one. */
    static final int HEAD_PAGES = 4;

    static final int TAIL_PAGES = 2;

    /**
     * Key fields stand on a document's first pages (number, dates, parties) and its last (totals, bank details);
     * reading only those keeps a 500-page report from costing seconds of pattern matching per run.
     */
    public static List<PageText> headAndTail(List<PageText> pages) {
        if (pages.size() <= HEAD_PAGES + TAIL_PAGES) {
            return pages;
        }
        List<PageText> read = new ArrayList<>(pages.subList(0, HEAD_PAGES));
        read.addAll(pages.subList(pages.size() - TAIL_PAGES, pages.size()));
        return read;
    }

    private static Map<String, ExtractedField> fromText(List<Line> lines) {
        Map<String, ExtractedField> fields = new LinkedHashMap<>();
        Optional<ExtractedField> type = documentType(lines);
        type.ifPresent(f -> put(fields, f));
        Optional<ExtractedField> currency = currency(lines);
        boolean usOrder = currency.map(c -> c.value().equals("USD")).orElse(false);
        labelled("invoiceNumber", lines, INVOICE_NUMBER_LABEL, FieldExtractor::identifier)
                .ifPresent(f -> put(fields, f));
        Optional<ExtractedField> due = labelled("dueDate", lines, DUE_DATE_LABEL, text -> firstDate(text, usOrder));
        issueDate(lines, usOrder, due).ifPresent(f -> put(fields, f));
        due.ifPresent(f -> put(fields, f));
        amounts(lines, fields, type.map(ExtractedField::value).orElse("other"));
        currency.ifPresent(f -> put(fields, f));
        seller(lines, type.map(ExtractedField::value).orElse("other")).ifPresent(f -> put(fields, f));
        labelled("buyerName", lines, BUYER_LABEL, FieldExtractor::name).ifPresent(f -> put(fields, f));
        iban(lines).ifPresent(f -> put(fields, f));
        labelled("bic", lines, BIC_LABEL, FieldExtractor::bic).ifPresent(f -> put(fields, f));
        vatIds(lines, fields);
        labelled("purchaseOrder", lines, PO_LABEL, FieldExtractor::identifier).ifPresent(f -> put(fields, f));
        paymentTerms(lines).ifPresent(f -> put(fields, f));
        return fields;
    }

    private static void put(Map<String, ExtractedField> fields, ExtractedField field) {
        fields.put(field.name(), field);
    }

    // ---- e-invoice XML --------------------------------------------------------------------------------------

    private static Map<String, ExtractedField> fromXml(
            EInvoiceXml.Invoice xml, Map<String, ExtractedField> read, List<Line> lines) {
        Map<String, ExtractedField> fields = new LinkedHashMap<>(read);
        xml.fields().forEach((name, value) -> {
            ExtractedField field = new ExtractedField(
                    name,
                    value,
                    null,
                    xml.syntax() + " " + name,
                    0.95,
                    ExtractedField.EMBEDDED_XML,
                    List.of(),
                    List.of());
            ExtractedField onPage = read.get(name);
            if (onPage != null && same(name, value, onPage.value())) {
                field = field.pass(
                        ExtractedField.Check.XML_AND_PAGE,
                        "the page shows the same (page " + onPage.pageNumber() + ")",
                        0.6);
            } else if (onPage != null && !name.equals("documentType")) {
                field = field.fail(
                        ExtractedField.Check.XML_AND_PAGE,
                        "XML " + value + ", page " + onPage.value() + " (page " + onPage.pageNumber() + ")",
                        0.3);
            } else if (shownOnPage(name, value, lines)) {
                field = field.pass(ExtractedField.Check.SEEN_ON_PAGE, "seen on the page", 0.4);
            }
            fields.put(name, field);
        });
        return fields;
    }

    private static boolean same(String name, String a, String b) {
        if (name.endsWith("Amount") || name.equals("amountDue")) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return fold(a).equals(fold(b));
    }

    private static String fold(String text) {
        return text.replaceAll("[\\s.,\\-]+", "").toLowerCase(Locale.ROOT);
    }

    /** Whether a value appears in the page text in one of its usual printings. */
    private static boolean shownOnPage(String name, String value, List<Line> lines) {
        List<String> printings = new ArrayList<>();
        if (name.endsWith("Amount") || name.equals("amountDue")) {
            try {
                BigDecimal amount = new BigDecimal(value);
                for (Line line : lines) {
                    for (Amounts.Found found : Amounts.find(amountText(line.text()))) {
                        if (found.value().abs().compareTo(amount.abs()) == 0) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (name.endsWith("Date")) {
            for (Line line : lines) {
                if (Dates.find(line.text(), false).stream()
                                .anyMatch(d -> d.date().toString().equals(value))
                        || Dates.find(line.text(), true).stream()
                                .anyMatch(d -> d.date().toString().equals(value))) {
                    return true;
                }
            }
            return false;
        }
        printings.add(fold(value));
        for (Line line : lines) {
            String folded = fold(line.text());
            if (printings.stream().anyMatch(p -> !p.isEmpty() && folded.contains(p))) {
                return true;
            }
        }
        return false;
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    private static void check(Map<String, ExtractedField> fields, EInvoiceXml.Invoice xml) {
        ExtractedField total = fields.get("totalAmount");
        ExtractedField net = fields.get("netAmount");
        ExtractedField tax = fields.get("taxAmount");
        if (total != null && net != null && tax != null) {
            BigDecimal sum = new BigDecimal(net.value()).add(new BigDecimal(tax.value()));
            String check = "net " + net.value() + " + tax " + tax.value() + " = total " + total.value();
            if (sum.subtract(new BigDecimal(total.value())).abs().compareTo(new BigDecimal("0.015")) <= 0) {
                fields.put("totalAmount", total.pass(ExtractedField.Check.SUMS, check, 0.6));
                fields.put("netAmount", net.pass(ExtractedField.Check.SUMS, check, 0.6));
                fields.put("taxAmount", tax.pass(ExtractedField.Check.SUMS, check, 0.6));
            } else {
                String failed = "net " + net.value() + " + tax " + tax.value() + " = " + sum.toPlainString()
                        + ", not the total " + total.value();
                fields.put("totalAmount", total.fail(ExtractedField.Check.SUMS, failed, 0.1));
                fields.put("netAmount", net.fail(ExtractedField.Check.SUMS, failed, 0.2));
                fields.put("taxAmount", tax.fail(ExtractedField.Check.SUMS, failed, 0.2));
            }
        }
        if (xml != null && !xml.lineItems().isEmpty() && fields.get("netAmount") != null) {
            BigDecimal lines = BigDecimal.ZERO;
            boolean complete = true;
            for (EInvoiceXml.LineItem item : xml.lineItems()) {
                if (item.amount() == null) {
                    complete = false;
                } else {
                    lines = lines.add(new BigDecimal(item.amount()));
                }
            }
            ExtractedField netField = fields.get("netAmount");
            if (complete && lines.compareTo(new BigDecimal(netField.value())) == 0) {
                fields.put(
                        "netAmount",
                        netField.pass(
                                ExtractedField.Check.LINE_ITEMS,
                                "the " + xml.lineItems().size() + " lines add up to the net amount",
                                0.3));
            } else if (complete) {
                fields.put(
                        "netAmount",
                        netField.pass(
                                ExtractedField.Check.LINE_ITEMS,
                                "the lines add up to " + lines.toPlainString()
                                        + " (allowances and charges make the difference)",
                                0));
            }
        }
        ExtractedField issue = fields.get("issueDate");
        ExtractedField due = fields.get("dueDate");
        if (issue != null && due != null) {
            if (due.value().compareTo(issue.value()) >= 0) {
                fields.put("dueDate", due.pass(ExtractedField.Check.DATE_ORDER, "not before the issue date", 0.2));
            } else {
                fields.put(
                        "dueDate",
                        due.fail(ExtractedField.Check.DATE_ORDER, "before the issue date " + issue.value(), 0.3));
            }
        }
        ExtractedField iban = fields.get("iban");
        if (iban != null) {
            try {
                IbanUtil.validate(iban.value());
                fields.put(
                        "iban",
                        iban.pass(
                                ExtractedField.Check.IBAN,
                                "IBAN length for " + iban.value().substring(0, 2) + " and mod-97 check digits",
                                0.5));
            } catch (InvalidCheckDigitException e) {
                fields.put(
                        "iban",
                        iban.fail(
                                ExtractedField.Check.IBAN,
                                "check digits wrong (mod 97): a made-up or mistyped account",
                                0.3));
            } catch (IbanFormatException | UnsupportedCountryException e) {
                fields.put("iban", iban.fail(ExtractedField.Check.IBAN, "not a valid IBAN (length or format)", 0.3));
            }
        }
        for (String name : List.of("sellerVatId", "buyerVatId")) {
            ExtractedField id = fields.get(name);
            if (id != null) {
                fields.put(
                        name,
                        VAT_ID.matcher(id.value()).matches()
                                ? id.pass(
                                        ExtractedField.Check.VAT_FORMAT,
                                        "format of a " + id.value().substring(0, 2) + " VAT number",
                                        0.3)
                                : id.fail(ExtractedField.Check.VAT_FORMAT, "not in a known VAT number format", 0.15));
            }
        }
    }

    // ---- labelled values ------------------------------------------------------------------------------------

    /**
     * A value found after a label on its line, else at the start of the next line, else below the label in the
     * same column (a header row over a value row).
     */
    private static Optional<ExtractedField> labelled(
            String name, List<Line> lines, Pattern label, Function<String, Optional<String>> value) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Matcher matcher = label.matcher(line.text());
            if (!matcher.find()) {
                continue;
            }
            String rest = line.text().substring(matcher.end());
            int cell = rest.indexOf("  ");
            String sameCell = cell > 0 && !rest.substring(0, cell).isBlank() ? rest.substring(0, cell) : rest;
            Optional<String> found = value.apply(sameCell);
            String printed = sameCell;
            if (found.isEmpty()) {
                found = value.apply(rest);
                printed = rest;
            }
            if (found.isPresent()) {
                return Optional.of(field(name, found.get(), line, line.text(), 0.85, printed));
            }
            int under = i + 1;
            if (under + 1 < lines.size()
                    && RULE.matcher(lines.get(under).text()).matches()) {
                under++; // a rule drawn under a row of headings
            }
            if (under < lines.size() && lines.get(under).page() == line.page()) {
                Line next = lines.get(under);
                String belowCell = cellUnder(line.text(), matcher.start(), next.text());
                Optional<String> below = value.apply(belowCell);
                if (below.isPresent()) {
                    return Optional.of(
                            field(name, below.get(), next, line.text() + " / " + next.text(), 0.75, belowCell));
                }
                if (cell < 0 && rest.isBlank()) {
                    found = value.apply(next.text());
                    if (found.isPresent()) {
                        return Optional.of(
                                field(name, found.get(), next, line.text() + " / " + next.text(), 0.7, next.text()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static ExtractedField field(String name, String value, Line line, String snippet, double confidence) {
        return field(name, value, line, snippet, confidence, value);
    }

    /** A field read from a line; {@code printed} is the value as it stands on the line, whose OCR confidence counts. */
    private static ExtractedField field(
            String name, String value, Line line, String snippet, double confidence, String printed) {
        ExtractedField field =
                new ExtractedField(name, value, line.page(), snippet, confidence, line.source(), List.of(), List.of());
        Double ocr = line.ocrConfidence(printed);
        if (ocr == null) {
            return field;
        }
        field = field.withEvidence(String.format(Locale.ROOT, "ocr-word-confidence=%.2f", ocr / 100));
        if (ocr >= OCR_SURE) {
            return field.pass(
                    ExtractedField.Check.OCR,
                    String.format(Locale.ROOT, "OCR sure of the words read (%.0f%%)", ocr),
                    0);
        }
        // Tesseract rates figures lower than words even when it reads them right, so they lose half as much.
        double weight = value.matches("[-\\d.,: /]+") && ocr >= 30 ? 0.5 : 1;
        return field.fail(
                ExtractedField.Check.OCR,
                String.format(Locale.ROOT, "OCR unsure of the words read (%.0f%%)", ocr),
                weight * (ocr < OCR_SURE / 2 ? 0.35 : 0.25 * (OCR_SURE - ocr) / (OCR_SURE / 2) + 0.05));
    }

    /** Tesseract word confidence from which a line counts as read without doubt. */
    static final double OCR_SURE = 85;

    /** A line of nothing but rules and table borders. */
    private static final Pattern RULE = Pattern.compile("[^\\p{L}\\p{N}]*");

    private static final Pattern CELL = Pattern.compile("\\S+(?: \\S+)*");

    /**
     * The value under a heading. Where a row of headings and the row below have as many cells (ignoring table
     * borders), the heading's cell's position in its row names the value's; OCR keeps no column positions, so
     * "Invoice Number  Invoice Date  Due Date" over "34278587  6/18/2017  6/24/2017" pairs by order. Otherwise
     * the cell below that starts nearest to the heading's column.
     */
    private static String cellUnder(String headings, int column, String values) {
        List<int[]> heads = cells(headings);
        List<int[]> cells = cells(values);
        // a row of headings holds no figures and no "label: value" pairs
        boolean headingRow =
                heads.stream().map(h -> headings.substring(h[0], h[1])).noneMatch(h -> h.matches(".*[\\d:].*"));
        if (headingRow && heads.size() >= 2 && heads.size() == cells.size()) {
            for (int k = 0; k < heads.size(); k++) {
                if (column >= heads.get(k)[0] && column < heads.get(k)[1]) {
                    return values.substring(cells.get(k)[0], cells.get(k)[1]);
                }
            }
        }
        return cellAt(values, column);
    }

    /** Start and end of each cell of a line that holds a letter or a digit. */
    private static List<int[]> cells(String text) {
        List<int[]> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(text);
        while (cell.find()) {
            if (!RULE.matcher(cell.group()).matches()) {
                cells.add(new int[] {cell.start(), cell.end()});
            }
        }
        return cells;
    }

    /** The cell of a line that starts nearest to a column (cells are separated by two or more spaces). */
    private static String cellAt(String text, int column) {
        Matcher cells = CELL.matcher(text);
        String best = "";
        int bestDistance = Integer.MAX_VALUE;
        while (cells.find()) {
            int distance = Math.abs(cells.start() - column);
            if (distance < bestDistance && cells.start() <= column + 12) {
                best = cells.group();
                bestDistance = distance;
            }
        }
        return bestDistance <= 12 ? best : "";
    }

    private static Optional<String> identifier(String text) {
        Matcher matcher = IDENTIFIER.matcher(text.replaceFirst("^[\\s:#.°º-]+", ""));
        while (matcher.find()) {
            String candidate = matcher.group().replaceAll("[._-]+$", "");
            if (candidate.chars().anyMatch(Character::isDigit)
                    && !Dates.DATE_LIKE.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A name after a label: up to the next cell or the next label ("… Address: …"), never a label itself. */
    private static Optional<String> name(String text) {
        String value = text.replaceFirst("^[\\s:.-]+", "").split("\\s{2,}")[0].strip();
        value = value.replaceFirst("\\s+\\p{L}+\\.?\\s*:.*$", "").strip();
        if (!plausibleName(value)
                || value.endsWith(":")
                || value.matches(".*\\d{4,}.*")
                || !Character.isLetterOrDigit(value.codePointAt(0))) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * Whether text can be a party's name: letters, words of two letters or more (or initials), no stray
     * symbols that OCR leaves where it misread ("FARMAS! LIGAMAS", "$B"), not an address or a label.
     */
    public static boolean plausibleName(String name) {
        if (name.length() < 3
                || name.chars().filter(Character::isLetter).count() < 3
                || NOT_A_NAME.matcher(name).find()
                || name.matches("^\\d.*")
                || name.matches(".*[!$|{}“”@#*?<>=_~^\\\\].*")) {
            return false;
        }
        if (onlyLabelWords(name)) {
            return false;
        }
        for (String word : name.split("\\s+")) {
            boolean initial = word.matches("\\p{Lu}\\.?");
            if ((word.chars().anyMatch(Character::isDigit) && word.chars().anyMatch(Character::isLetter))
                    || (word.length() == 1 && !initial && !word.equals("&"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words that label or head a part of a financial document, in the six languages read: a line made of these
     * alone ("Ship to", "Contact us", "Overview", "Invoice number", "Rechnungsadresse") is a label, never the name
     * it stands above or beside. A generic vocabulary, not taken from any document's layout.
     */
    private static final Set<String> LABEL_WORDS = Set.of(
            // English
            "contact",
            "us",
            "overview",
            "summary",
            "details",
            "detail",
            "ship",
            "shipping",
            "shipped",
            "deliver",
            "delivery",
            "to",
            "bill",
            "billing",
            "billed",
            "sold",
            "seller",
            "buyer",
            "vendor",
            "supplier",
            "customer",
            "client",
            "recipient",
            "from",
            "invoice",
            "invoiced",
            "number",
            "no",
            "date",
            "total",
            "subtotal",
            "amount",
            "due",
            "balance",
            "description",
            "item",
            "items",
            "qty",
            "quantity",
            "price",
            "unit",
            "tax",
            "vat",
            "payment",
            "terms",
            "page",
            "address",
            "name",
            "reference",
            "ref",
            "order",
            "account",
            "remit",
            "information",
            "info",
            "the",
            "of",
            "and",
            "for",
            "our",
            "your",
            // German
            "kunde",
            "kunden",
            "lieferant",
            "rechnung",
            "rechnungsnummer",
            "rechnungsdatum",
            "rechnungsadresse",
            "lieferadresse",
            "lieferanschrift",
            "datum",
            "betrag",
            "summe",
            "gesamt",
            "an",
            "von",
            "empfänger",
            "absender",
            "kontakt",
            "übersicht",
            "nummer",
            "seite",
            // French
            "fournisseur",
            "facture",
            "montant",
            "livraison",
            "destinataire",
            "expéditeur",
            "à",
            "de",
            "du",
            "la",
            "le",
            "adresse",
            "numéro",
            "aperçu",
            // Dutch
            "klant",
            "leverancier",
            "factuur",
            "factuurnummer",
            "factuurdatum",
            "bedrag",
            "totaal",
            "aan",
            "van",
            "afleveradres",
            "overzicht",
            // Spanish
            "cliente",
            "proveedor",
            "factura",
            "fecha",
            "importe",
            "para",
            "envío",
            "dirección",
            "número",
            "resumen",
            // Italian
            "fornitore",
            "fattura",
            "data",
            "importo",
            "totale",
            "da",
            "spedizione",
            "destinatario",
            "indirizzo",
            "numero",
            "riepilogo");

    /** Whether every word of a candidate name is a label word (case, accents as written, punctuation ignored). */
    static boolean onlyLabelWords(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        int counted = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!LABEL_WORDS.contains(word)) {
                return false;
            }
            counted++;
        }
        return counted > 0;
    }

    private static Optional<String> firstDate(String text, boolean usOrder) {
        return Dates.find(text, usOrder).stream().findFirst().map(d -> d.date().toString());
    }

    private static Optional<ExtractedField> issueDate(List<Line> lines, boolean usOrder, Optional<ExtractedField> due) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            Matcher matcher = ISSUE_DATE_LABEL.matcher(text);
            if (matcher.find()
                    && !DUE_DATE_LABEL.matcher(text.substring(0, matcher.end())).find()) {
                Optional<Dates.Found> date = Dates.find(text.substring(matcher.end()), usOrder).stream()
                        .findFirst();
                if (date.isPresent()) {
                    return Optional.of(field(
                            "issueDate",
                            date.get().date().toString(),
                            lines.get(i),
                            text,
                            0.85,
                            date.get().printed()));
                }
                if (i + 1 < lines.size()) {
                    Optional<String> below = firstDate(cellAt(lines.get(i + 1).text(), matcher.start()), usOrder);
                    if (below.isPresent()) {
                        return Optional.of(field(
                                "issueDate",
                                below.get(),
                                lines.get(i + 1),
                                text + " / " + lines.get(i + 1).text(),
                                0.75,
                                cellAt(lines.get(i + 1).text(), matcher.start())));
                    }
                }
            }
        }
        // Unlabelled: the date printed most often (a receipt prints its date at the top and the bottom), then the
        // one OCR read most surely, then the first.
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, ExtractedField> best = new LinkedHashMap<>();
        for (Line line : lines) {
            if (DUE_DATE_LABEL.matcher(line.text()).find()) {
                continue;
            }
            for (Dates.Found date : Dates.find(line.text(), usOrder)) {
                String iso = date.date().toString();
                if (due.map(d -> !d.value().equals(iso)).orElse(true)) {
                    counts.merge(iso, 1, Integer::sum);
                    ExtractedField candidate = field("issueDate", iso, line, line.text(), 0.6, date.printed());
                    best.merge(iso, candidate, (a, b) -> b.confidence() > a.confidence() ? b : a);
                }
            }
        }
        return best.values().stream()
                .max(Comparator.comparingInt((ExtractedField f) -> counts.get(f.value()))
                        .thenComparingDouble(ExtractedField::confidence))
                .map(f -> counts.get(f.value()) > 1
                        ? f.pass(ExtractedField.Check.PRINTED_AGAIN, "printed " + counts.get(f.value()) + " times", 0.3)
                        : f);
    }

    private static Optional<ExtractedField> paymentTerms(List<Line> lines) {
        Optional<ExtractedField> labelled = labelled(
                "paymentTerms",
                lines,
                TERMS_LABEL,
                text -> text.isBlank() ? Optional.empty() : Optional.of(text.strip()));
        if (labelled.isPresent()) {
            return labelled;
        }
        for (Line line : lines) {
            Matcher matcher = TERMS_SENTENCE.matcher(line.text());
            if (matcher.find()) {
                return Optional.of(field("paymentTerms", matcher.group(1).strip(), line, line.text(), 0.7));
            }
        }
        return Optional.empty();
    }

    // ---- amounts --------------------------------------------------------------------------------------------

    /** Symbols and codes printed before a figure, which OCR glues to it ("RM1.38"). */
    private static final String GLUED_PREFIXES = alternatives(union(PREFIX_SYMBOLS, CURRENCY_CODES));

    /** OCR splits amounts ("6.  00", "RM1. 38"): joined again, and a currency glued to a figure set apart. */
    private static String amountText(String text) {
        return text.replaceAll("(?<=\\d)([.,])\\s{1,2}(\\d{2})(?!\\d)", "$1$2")
                .replaceAll("(?i)\\b(" + GLUED_PREFIXES + ")(?=\\d)", "$1 ");
    }

    /**
     * Total, amount due, net and tax. Each labelled line gives candidates for the role its label names; a
     * specific label scores above a bare "Total", amounts with cents above bare numbers, later lines a little
     * above earlier ones (summaries close a document). Where some total, net and tax agree (net + tax = total),
     * that trio wins; otherwise each role takes its best candidate.
     */
    private static void amounts(List<Line> lines, Map<String, ExtractedField> fields, String documentType) {
        List<Candidate> totals = new ArrayList<>();
        List<Candidate> dues = new ArrayList<>();
        List<Candidate> nets = new ArrayList<>();
        List<Candidate> taxes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = COUNT.matcher(amountText(line.text()))
                    .replaceAll(m -> " ".repeat(m.group().length()));
            if (NOT_AN_AMOUNT_LINE.matcher(text).find()
                    || VAT_ID_LABEL.matcher(text).find()
                    || hasIban(text)) {
                continue;
            }
            double late = 0.3 * i / Math.max(1, lines.size());
            Matcher label;
            if ((label = DUE_LABEL.matcher(text)).find()) {
                amountAfter(text, label.end()).ifPresent(a -> dues.add(new Candidate(a, line, 3 + late + cents(a))));
            } else if ((label = TAX_INCLUDED.matcher(text)).find()) {
                amountAfter(text, label.end()).ifPresent(a -> taxes.add(new Candidate(a, line, 2 + late + cents(a))));
            } else if ((label = TOTAL_STRONG.matcher(text)).find()) {
                Matcher net = NET_LABEL.matcher(text);
                if (net.find()
                        && net.start() < label.start()
                        && !label.group().toLowerCase(Locale.ROOT).contains("net")) {
                    amountAfter(text, net.end()).ifPresent(a -> nets.add(new Candidate(a, line, 3 + late + cents(a))));
                } else {
                    amountAfter(text, label.end())
                            .ifPresent(a -> totals.add(new Candidate(a, line, 3 + late + cents(a))));
                }
            } else if ((label = NET_LABEL.matcher(text)).find()) {
                amountAfter(text, label.end()).ifPresent(a -> nets.add(new Candidate(a, line, 3 + late + cents(a))));
            } else if ((label = TAX_LABEL.matcher(text)).find()) {
                Matcher from = label;
                // "Total Tax Amount", "Summe MwSt": the sum of the tax lines above it
                double sum = TAX_TOTAL.matcher(text).find() ? 0.5 : 0;
                lastAmountAfter(text, from.end())
                        .ifPresent(a -> taxes.add(new Candidate(a, line, 2.5 + sum + late + cents(a))));
            } else if ((label = TOTAL_WEAK.matcher(text)).find()) {
                amountAfter(text, label.end()).ifPresent(a -> totals.add(new Candidate(a, line, 2 + late + cents(a))));
            }
        }
        // a part's net of nothing ("Parts Net Taxable Amount: 0.00") is no document's net
        nets.removeIf(n -> n.value().signum() == 0);
        splitTax(taxes).ifPresent(taxes::add);
        Comparator<Candidate> byScore =
                Comparator.comparingDouble(Candidate::score).reversed();
        totals.sort(byScore);
        nets.sort(byScore);
        taxes.sort(byScore);
        dues.sort(byScore);
        Candidate total = totals.isEmpty() ? null : totals.get(0);
        Candidate net = nets.isEmpty() ? null : nets.get(0);
        Candidate tax = taxes.isEmpty() ? null : taxes.get(0);
        double best = -1;
        for (Candidate t : top(totals)) {
            for (Candidate n : top(nets)) {
                for (Candidate x : top(taxes)) {
                    if (n.value().add(x.value()).subtract(t.value()).abs().compareTo(new BigDecimal("0.015")) <= 0
                            && t.score() + n.score() + x.score() > best
                            && t.value().signum() != 0) {
                        best = t.score() + n.score() + x.score();
                        total = t;
                        net = n;
                        tax = x;
                    }
                }
            }
        }
        Candidate due = dues.isEmpty() ? null : dues.get(0);
        boolean prepaid = lines.stream().anyMatch(l -> PREPAID.matcher(l.text()).find());
        boolean rounded = due != null && ROUNDED.matcher(due.line().text()).find();
        if (total == null && due != null && !prepaid && !rounded) {
            total = new Candidate(due.value(), due.line(), due.score() - 1.5, due.printed());
        }
        if (total != null && total.value().signum() == 0 && net == null) {
            total = null;
        }
        if (total == null && due == null && net == null && tax == null) {
            Optional<Candidate> only = onlyMoney(lines);
            if (only.isPresent()) {
                emit(fields, "totalAmount", only.get(), 0.6);
                fields.computeIfPresent(
                        "totalAmount",
                        (k, f) -> f.pass(
                                ExtractedField.Check.ONLY_MONEY,
                                "no total label; the only amount printed with a currency",
                                0));
                return;
            }
        }
        emit(fields, "totalAmount", total, best > 0 ? 0.85 : 0.7);
        if (total != null && fields.containsKey("totalAmount")) {
            agree(fields, total, totals, dues, nets, lines);
        }
        emit(fields, "amountDue", due, 0.8);
        emit(fields, "netAmount", net, best > 0 ? 0.85 : 0.6);
        emit(fields, "taxAmount", tax, best > 0 ? 0.85 : 0.55);
    }

    /**
     * Tax printed in parts on lines of their own (India's CGST + SGST, Canada's GST + PST, a state and a county
     * sales tax): their sum, as one more tax candidate. It scores below each part, so it is chosen only where the
     * arithmetic agrees (net + the parts = total); a tax line that sums the others ("Total tax") is not a part.
     */
    private static Optional<Candidate> splitTax(List<Candidate> taxes) {
        List<Candidate> parts = new ArrayList<>();
        for (Candidate tax : taxes) {
            boolean newLine = parts.stream().noneMatch(p -> p.line() == tax.line());
            if (newLine
                    && !TAX_TOTAL.matcher(tax.line().text()).find()
                    && tax.value().signum() > 0) {
                parts.add(tax);
            }
        }
        if (parts.size() < 2 || parts.size() > 4) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<Double> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Candidate part : parts) {
            sum = sum.add(part.value());
            words.addAll(part.line().words());
            texts.add(part.line().text());
        }
        Line first = parts.get(0).line();
        Line together = new Line(first.page(), String.join(" + ", texts), first.source(), words);
        double score = parts.stream().mapToDouble(Candidate::score).min().orElse(0) - 0.25;
        return Optional.of(new Candidate(
                sum, together, score, sum.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }

    /** A figure with cents beside a currency sign or code, before or after it. */
    private static final Pattern MONEY_WITH_CURRENCY = Pattern.compile("(?<![A-Za-z])(?:"
            + alternatives(union(CURRENCY_SYMBOLS.keySet(), CURRENCY_CODES)) + ")\\s?(-?" + FIGURE + ")"
            + "|(?<![\\d.,])(-?" + FIGURE + ")\\s?(?:" + alternatives(union(suffixSymbols(), CURRENCY_CODES))
            + ")(?![A-Za-z])");

    private static Set<String> suffixSymbols() {
        Set<String> symbols = new HashSet<>(CURRENCY_SYMBOLS.keySet());
        symbols.removeAll(PREFIX_SYMBOLS);
        return symbols;
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * A page without any total, net or tax label that prints exactly one sum of money with its currency (a
     * one-line bill: "Charges $56,651.49" whose heading OCR lost): that sum is what the document charges.
     */
    private static Optional<Candidate> onlyMoney(List<Line> lines) {
        Candidate only = null;
        for (Line line : lines) {
            String text = amountText(line.text());
            if (NOT_AN_AMOUNT_LINE.matcher(text).find()) {
                continue;
            }
            Matcher money = MONEY_WITH_CURRENCY.matcher(text);
            while (money.find()) {
                String printed = money.group(1) != null ? money.group(1) : money.group(2);
                Optional<BigDecimal> value = Amounts.parse(printed);
                if (value.isEmpty() || value.get().signum() == 0) {
                    continue;
                }
                if (only != null && only.value().compareTo(value.get()) != 0) {
                    return Optional.empty();
                }
                only = only != null ? only : new Candidate(value.get(), line, 1, printed.strip());
            }
        }
        return Optional.ofNullable(only);
    }

    /**
     * Independent lines that confirm a total make an OCR misreading unlikely: the same figure printed on another
     * total or amount-due line ("Total (incl. GST) 6.00" and "TOTAL 6.00"), or cash tendered less change given.
     */
    private static void agree(
            Map<String, ExtractedField> fields,
            Candidate total,
            List<Candidate> totals,
            List<Candidate> dues,
            List<Candidate> nets,
            List<Line> lines) {
        ExtractedField field = fields.get("totalAmount");
        List<Candidate> others = new ArrayList<>(totals);
        others.addAll(dues);
        for (Candidate other : others) {
            if (other.line() != total.line() && other.value().compareTo(total.value()) == 0) {
                fields.put(
                        "totalAmount",
                        field.pass(
                                ExtractedField.Check.PRINTED_AGAIN,
                                "printed again: " + other.line().text(),
                                0.6));
                return;
            }
        }
        BigDecimal cash = null;
        BigDecimal change = null;
        for (Line line : lines) {
            String text = amountText(line.text());
            Matcher paid = CASH.matcher(text);
            Matcher back = CHANGE.matcher(text);
            if (back.find()) {
                change = amountAfter(text, back.end()).map(Amounts.Found::value).orElse(change);
            } else if (paid.find()) {
                cash = amountAfter(text, paid.end()).map(Amounts.Found::value).orElse(cash);
            }
        }
        if (cash != null && change != null && cash.subtract(change).compareTo(total.value()) == 0) {
            fields.put(
                    "totalAmount",
                    field.pass(
                            ExtractedField.Check.CASH_LESS_CHANGE,
                            "cash " + cash.toPlainString() + " less change " + change.toPlainString() + " = total",
                            0.6));
        }
    }

    private static final Pattern CASH = Pattern.compile("(\\bcash\\b|tendered|\\bpaid\\b|payment)", FLAGS);
    private static final Pattern CHANGE =
            Pattern.compile("(\\bchange\\b|wechselgeld|r[ée]ckgeld|monnaie|cambio|resto)", FLAGS);

    private static List<Candidate> top(List<Candidate> candidates) {
        return candidates.subList(0, Math.min(5, candidates.size()));
    }

    private static double cents(Amounts.Found amount) {
        return amount.hasDecimals() ? 0.5 : 0;
    }

    private static void emit(Map<String, ExtractedField> fields, String name, Candidate candidate, double confidence) {
        if (candidate == null) {
            return;
        }
        String value = candidate.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
        // Money prints its cents; a bare number after a label is more likely a count.
        double printed = candidate.printed() != null && candidate.printed().matches(".*[.,]\\d{2}$")
                ? confidence
                : confidence - 0.15;
        fields.put(name, field(name, value, candidate.line(), candidate.line().text(), printed, candidate.printed()));
    }

    /**
     * The first amount after a label (money with cents first), skipping zeros when a non-zero one follows within
     * the label's own part of the line.
     */
    private static Optional<Amounts.Found> amountAfter(String text, int from) {
        List<Amounts.Found> amounts = Amounts.find(ownPart(text.substring(from)));
        List<Amounts.Found> money =
                amounts.stream().filter(Amounts.Found::hasDecimals).toList();
        List<Amounts.Found> pool = money.isEmpty() ? amounts : money;
        return pool.stream()
                .filter(a -> a.value().signum() != 0)
                .findFirst()
                .or(() -> pool.stream().findFirst());
    }

    /**
     * A figure followed, after a wide gap, by words: the start of a second "label: amount" pair on the same line
     * ("Parts Net Taxable Amount: 0.00   Final Labour Invoice Amount: 413.00"). A currency code is no label.
     */
    private static final Pattern NEXT_PAIR = Pattern.compile("\\d\\s{2,}(?=\\p{L}{3,})");

    /** What follows a label up to the next label on the same line. */
    static String ownPart(String rest) {
        Matcher next = NEXT_PAIR.matcher(rest);
        while (next.find()) {
            String word = rest.substring(next.end()).split("[^\\p{L}]", 2)[0];
            if (!CURRENCY_CODE.matcher(word).matches()) {
                return rest.substring(0, next.start() + 1);
            }
        }
        return rest;
    }

    /** The last amount after a tax label: tax summaries print the rate and the base before the tax itself. */
    private static Optional<Amounts.Found> lastAmountAfter(String text, int from) {
        List<Amounts.Found> money = Amounts.find(text.substring(from)).stream()
                .filter(Amounts.Found::hasDecimals)
                .toList();
        return money.isEmpty() ? Optional.empty() : Optional.of(money.get(money.size() - 1));
    }

    // ---- currency, parties, ids -----------------------------------------------------------------------------

    /**
     * ISO codes count twice; a symbol counts when it stands next to a figure ("€ 12,00", "12,00 €", "RM 6.00"),
     * so OCR noise that looks like "$" or "€" inside a word does not decide the currency.
     */
    private static Optional<ExtractedField> currency(List<Line> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Line> evidence = new LinkedHashMap<>();
        for (Line line : lines) {
            String text = amountText(line.text());
            Matcher codes = CURRENCY_CODE.matcher(text);
            while (codes.find()) {
                counts.merge(codes.group(1), 2, Integer::sum);
                evidence.putIfAbsent(codes.group(1), line);
            }
            for (Map.Entry<String, Pattern> symbol : SYMBOL_BESIDE_FIGURE.entrySet()) {
                if (symbol.getValue().matcher(text).find()) {
                    if (symbol.getKey().equals("$") && text.contains("S$")) {
                        continue;
                    }
                    String code = CURRENCY_SYMBOLS.get(symbol.getKey());
                    counts.merge(code, 1, Integer::sum);
                    evidence.putIfAbsent(code, line);
                }
            }
        }
        if (counts.isEmpty()) {
            return impliedCurrency(lines);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(best -> {
            Line line = evidence.get(best.getKey());
            double confidence = best.getValue() >= 2 ? 0.9 : 0.7;
            ExtractedField field = field("currency", best.getKey(), line, line.text(), confidence);
            long others = counts.keySet().stream()
                    .filter(c -> !c.equals(best.getKey()))
                    .count();
            return others == 0
                    ? field.pass(ExtractedField.Check.CURRENCIES_AGREE, "the symbols and codes printed agree", 0.3)
                    : field.fail(
                            ExtractedField.Check.CURRENCIES_AGREE,
                            "other currencies are printed too (" + String.join(", ", counts.keySet()) + ")",
                            0.1);
        });
    }

    /**
     * Legal forms, tax ids and state names that belong to one country, whose currency a document that prints
     * none is in (Malaysia's legal form and its thirteen states and federal territories, say).
     */
    private static final Map<Pattern, String> COUNTRY_SIGNS = Map.of(
            Pattern.compile("(?<![\\p{L}])(?:[Ss][Dd][Nn]\\.?\\s*[Bb][Hh][Dd]|MALAYSIA|Malaysia|Selangor|SELANGOR"
                            + "|Kuala\\s*Lumpur|KUALA\\s*LUMPUR|Johor|JOHOR|Pulau\\s*Pinang|PULAU\\s*PINANG|Negeri\\s*Sembilan"
                            + "|NEGERI\\s*SEMBILAN|Melaka|MELAKA|Pahang|PAHANG|Perak|PERAK|Kedah|KEDAH|Kelantan|KELANTAN"
                            + "|Terengganu|TERENGGANU|Sabah|SABAH|Sarawak|SARAWAK|Putrajaya|PUTRAJAYA)(?![\\p{L}])"),
                    "MYR",
            Pattern.compile("(?<![\\p{L}])(?:Pte\\.?\\s*Ltd|PTE\\.?\\s*LTD|SINGAPORE|Singapore)(?![\\p{L}])"), "SGD",
            Pattern.compile("(?<![\\p{L}])(?:GSTIN|Pvt\\.?\\s*Ltd|PVT\\.?\\s*LTD|INDIA|India)(?![\\p{L}])"), "INR");

    /**
     * No currency printed: where the document names one country only by its legal forms or tax ids ("Sdn Bhd",
     * "GSTIN"), that country's currency, with a modest confidence and the sign as its evidence.
     */
    private static Optional<ExtractedField> impliedCurrency(List<Line> lines) {
        Map<String, Line> found = new LinkedHashMap<>();
        Map<String, String> signs = new LinkedHashMap<>();
        for (Line line : lines) {
            COUNTRY_SIGNS.forEach((sign, currency) -> {
                Matcher matcher = sign.matcher(line.text());
                if (matcher.find() && !found.containsKey(currency)) {
                    found.put(currency, line);
                    signs.put(currency, matcher.group());
                }
            });
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, Line> only = found.entrySet().iterator().next();
        String sign = signs.get(only.getKey());
        // OCR's confidence in the sign itself counts, not in the rest of its line
        return Optional.of(field(
                        "currency",
                        only.getKey(),
                        only.getValue(),
                        only.getValue().text(),
                        0.6,
                        sign)
                .pass(
                        ExtractedField.Check.IMPLIED_CURRENCY,
                        "no currency printed; implied by the country the document names (" + sign + ")",
                        0));
    }

    /**
     * The seller: a labelled seller, else a line with a company form in the document's head that is not in the
     * buyer's block, else, on a receipt, its first prominent line. Registration numbers in brackets are dropped.
     */
    private static Optional<ExtractedField> seller(List<Line> lines, String documentType) {
        Optional<ExtractedField> labelled = labelled("sellerName", lines, SELLER_LABEL, FieldExtractor::name);
        if (labelled.isPresent()) {
            return labelled;
        }
        int limit = Math.min(lines.size(), 14);
        for (int i = 0; i < limit; i++) {
            Line line = lines.get(i);
            if (BUYER_CONTEXT.matcher(line.text()).find()
                    || (i > 0 && BUYER_CONTEXT.matcher(lines.get(i - 1).text()).find())) {
                continue;
            }
            for (String cell : line.text().split("\\s{2,}")) {
                Map.Entry<String, List<String>> read = line.source().equals(ExtractedField.OCR)
                        ? respelled(cleanName(cell))
                        : Map.entry(cleanName(cell), List.of());
                String name = read.getKey();
                Matcher form = LEGAL_FORM.matcher(name);
                String rest = form.find() ? name.substring(0, form.start()).strip() : name;
                if (COMPANY.matcher(name).find()
                        && plausibleName(name)
                        && rest.chars().filter(Character::isLetter).count() >= 3
                        && name.contains(" ")) {
                    ExtractedField field = field(
                            "sellerName",
                            name,
                            line,
                            line.text(),
                            0.75,
                            read.getValue().isEmpty() ? name : cleanName(cell));
                    return Optional.of(
                            read.getValue().isEmpty()
                                    ? field
                                    : field.fail(
                                            ExtractedField.Check.LOOKALIKE_LETTERS,
                                            "OCR read " + String.join(", ", read.getValue()) + " (look-alike letters)",
                                            0.05));
                }
            }
        }
        for (int i = 0; i < Math.min(lines.size(), 3); i++) {
            String cell = lines.get(i).text().split("\\s{2,}")[0];
            if (cell.strip().endsWith(",")) {
                continue; // an address line ("Subang Perdana,")
            }
            String name = cleanName(cell);
            long letters = name.chars().filter(Character::isLetter).count();
            boolean title = DOCUMENT_TYPES.values().stream()
                    .anyMatch(t -> t.matcher(name).find());
            if (letters >= 5
                    && letters >= 0.75 * name.replace(" ", "").length()
                    && plausibleName(name)
                    && !title
                    && !BUYER_CONTEXT.matcher(name).find()) {
                return Optional.of(
                        field("sellerName", name, lines.get(i), lines.get(i).text(), 0.55));
            }
        }
        return Optional.empty();
    }

    /**
     * A name as printed, without what follows it on the line: a bracketed registration number and the rest, or
     * whatever comes after the legal form ("… Co. The Gardens Mall"); stray punctuation from OCR at the ends.
     */
    static String cleanName(String text) {
        String name = text.replaceFirst("\\s*[({\\[][^)}\\]]*\\d.*$", "");
        Matcher form = LEGAL_FORM.matcher(name);
        int end = -1;
        while (form.find()) {
            end = form.end();
        }
        if (end > 0) {
            name = name.substring(0, end);
        }
        return name.replaceAll("[\\s,;:|\\-]+$", "")
                .replaceFirst("^[^\\p{L}\\d]+", "")
                .strip();
    }

    private static Optional<ExtractedField> iban(List<Line> lines) {
        for (Line line : lines) {
            Optional<String> iban = ibanIn(line.text());
            if (iban.isPresent()) {
                return Optional.of(field("iban", iban.get(), line, line.text(), 0.9));
            }
        }
        // Labelled "IBAN", the country's length and format, wrong check digits (a sample's made-up account, or a
        // typo on the page): stated as printed with the failed check shown, never corrected; OCR's reading of
        // one falls below what is stated, as a misread digit is likelier than a misprint.
        for (Line line : lines) {
            Matcher label = IBAN_LABEL.matcher(line.text());
            if (!label.find()) {
                continue;
            }
            Matcher shape = IBAN.matcher(line.text().substring(label.end()).toUpperCase(Locale.ROOT));
            if (shape.find()) {
                String printed = shape.group(1).replace(" ", "");
                try {
                    IbanUtil.validate(printed);
                } catch (InvalidCheckDigitException e) {
                    double confidence = line.source().equals(ExtractedField.OCR) ? 0.7 : 0.85;
                    ExtractedField field = field("iban", printed, line, line.text(), confidence);
                    return Optional.of(
                            line.source().equals(ExtractedField.OCR) ? field.withEvidence(NEVER_STATED) : field);
                } catch (IbanFormatException | UnsupportedCountryException e) {
                    // not an IBAN at all
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern IBAN_LABEL = Pattern.compile("\\bIBAN\\b\\s*:?\\s*", FLAGS);

    /** Whether a line holds a real IBAN (its check digits right), not just something shaped like one. */
    private static boolean hasIban(String text) {
        return ibanIn(text).isPresent();
    }

    /** The first IBAN on a line whose length and check digits are right. */
    private static Optional<String> ibanIn(String text) {
        Matcher matcher = IBAN.matcher(text.toUpperCase(Locale.ROOT));
        while (matcher.find()) {
            String iban = matcher.group(1).replace(" ", "");
            if (iban.length() >= 15 && iban.length() <= 34 && ibanChecksumValid(iban)) {
                return Optional.of(iban);
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

    /** VAT ids: the seller's is labelled or unlabelled outside the buyer's block; the buyer's sits in it. */
    private static void vatIds(List<Line> lines, Map<String, ExtractedField> fields) {
        ExtractedField seller = null;
        ExtractedField buyer = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String compact = line.text().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
            Matcher matcher = VAT_ID.matcher(compact);
            if (!matcher.find() || hasIban(line.text())) {
                continue;
            }
            boolean labelled = VAT_ID_LABEL.matcher(line.text()).find();
            boolean buyers = BUYER_CONTEXT.matcher(line.text()).find();
            if (buyers) {
                if (buyer == null) {
                    buyer = field("buyerVatId", matcher.group(1), line, line.text(), labelled ? 0.75 : 0.55);
                }
            } else if (seller == null || (labelled && seller.confidence() < 0.8)) {
                seller = field("sellerVatId", matcher.group(1), line, line.text(), labelled ? 0.85 : 0.6);
            }
        }
        if (seller != null) {
            put(fields, seller);
        }
        if (buyer != null) {
            put(fields, buyer);
        }
    }

    private static Map<String, Pattern> documentTypes() {
        Map<String, Pattern> types = new LinkedHashMap<>();
        types.put(
                "credit note",
                Pattern.compile(
                        "(credit\\s*note|gutschrift|\\bavoir\\b|creditnota|nota\\s*de\\s*cr[ée]dito"
                                + "|nota\\s*di\\s*credito)",
                        FLAGS));
        types.put(
                "annual report",
                Pattern.compile(
                        "(annual\\s*report|gesch[äa]ftsbericht|jahresbericht|rapport\\s*annuel"
                                + "|jaarverslag|informe\\s*anual|relazione\\s*(?:finanziaria\\s*)?annuale)",
                        FLAGS));
        types.put(
                "bank statement",
                Pattern.compile(
                        "(bank\\s*statement|account\\s*statement|statement\\s*of\\s*account"
                                + "|kontoauszug|relev[ée]\\s*de\\s*compte|rekeningafschrift|extracto\\s*(?:bancario|de\\s*cuenta)"
                                + "|estratto\\s*(?:di\\s*)?conto)",
                        FLAGS));
        types.put(
                "invoice",
                Pattern.compile(
                        "(\\binvoice\\b|\\brechnung\\b|\\bfacture\\b|\\bfactuur\\b|\\bfactura\\b" + "|\\bfattura\\b)",
                        FLAGS));
        types.put(
                "receipt",
                Pattern.compile(
                        "(\\breceipt\\b|\\bquittung\\b|kassenbon|\\bre[çc]u\\b|ticket\\s*de\\s*caisse"
                                + "|kassabon|\\bkwitantie\\b|\\brecibo\\b|\\bricevuta\\b|\\bscontrino\\b)",
                        FLAGS));
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
        return Optional.of(
                field("documentType", best, evidence, evidence.text(), Math.min(0.95, 0.5 + bestScore / 10)));
    }

    /** A value found after a label on its line, or else at the start of the next line. */
}
