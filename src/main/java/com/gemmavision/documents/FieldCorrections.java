package com.gemmavision.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.gemmavision.documents.extraction.Amounts;
import com.gemmavision.documents.extraction.Dates;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.InvoiceField;
import com.gemmavision.documents.processing.DocumentRepository;

import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's correction of an extracted field: checked like the field's kind demands (an amount, a date between
 * 1900 and 2100, an ISO currency, a valid IBAN or BIC, plain text of reasonable length), stored with the value
 * it replaced and the time as an audit trail, and shown as "corrected". Corrections outlive processing the
 * document again: they are applied over whatever the rules find. An empty value says the field is not on the
 * document.
 */
@Service
public class FieldCorrections {

    private static final Set<String> TYPES =
            Set.of("invoice", "receipt", "credit note", "bank statement", "annual report", "other");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    private final DocumentRepository repository;

    public FieldCorrections(DocumentRepository repository) {
        this.repository = repository;
    }

    /** A correction refused, in words for the person who typed it. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public static boolean correctable(String name) {
        return InvoiceField.named(name).isPresent();
    }

    /** Checks and stores a correction; returns the field as now stated (empty when the person cleared it). */
    @Transactional
    public Optional<ExtractedField> correct(StoredDocument document, String name, String typed) {
        if (!correctable(name)) {
            throw new IllegalArgumentException(name);
        }
        String value = normalise(name, typed == null ? "" : typed.strip());
        DocumentRepository.Fields fields = repository.allFields(document.id());
        Optional<ExtractedField> previous = Stream.concat(fields.stated().stream(), fields.unsure().stream())
                .filter(f -> f.name().equals(name))
                .findFirst();
        Instant now = Instant.now();
        repository.saveCorrection(
                document.id(), name, previous.map(ExtractedField::value).orElse(null), value, now);
        repository.deleteField(document.id(), name);
        if (value == null) {
            return Optional.empty();
        }
        ExtractedField corrected =
                corrected(name, value, previous.map(ExtractedField::value).orElse(null), now);
        repository.saveFields(document.id(), List.of(corrected));
        return Optional.of(corrected);
    }

    /**
     * What the rules stated for a field before a person corrected it (the "was" this class writes), or null when
     * they stated nothing; an uncorrected field's own value.
     */
    public static String beforeCorrection(ExtractedField field) {
        if (!ExtractedField.CORRECTED.equals(field.source())) {
            return field.value();
        }
        String snippet = field.snippet();
        return snippet != null && snippet.startsWith("was ") ? snippet.substring(4) : null;
    }

    /**
     * When a correction was made, as a reader says it ("7 Dec 2026 at 16:24 UTC"); the stored correction keeps the
     * instant, and exports give it in ISO 8601.
     */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static ExtractedField corrected(String name, String value, String previous, Instant when) {
        return new ExtractedField(
                name,
                value,
                null,
                previous == null ? "added by a person" : "was " + previous,
                1.0,
                ExtractedField.CORRECTED,
                List.of("corrected by a person on " + WHEN.format(when)),
                List.of());
    }

    /** A written amount, whole: digits with one kind of thousands mark and up to two decimals. */
    private static final Pattern AMOUNT = Pattern.compile(
            "[-\u2212]?(?:\\d{1,3}(?:([.,'\u00a0\u202f ])\\d{3})(?:\\1\\d{3})*(?:(?!\\1)[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)");

    /** Letters written beside an amount for its currency that are not ISO codes. */
    private static final Set<String> CURRENCY_WORDS = Set.of("RM", "RS", "RS.", "KR", "KR.", "FR", "FR.", "ZŁ", "KČ");

    /**
     * An amount typed by a person, taken whole or refused: a currency symbol, an ISO code ("EUR") or a written
     * currency ("Rs.", "RM") may stand at either end, and nothing else may be left over ("218,3l" and "12x" are
     * typing slips, not 218.30 and 12.00; "100.00.00" is not a number).
     */
    static String amount(String value) {
        String number = value.replaceAll("\\p{Sc}", "").strip();
        Matcher code = Pattern.compile("^(\\p{L}{2,3}\\.?)\\s*(.*)$|^(.*?)\\s*(\\p{L}{2,3}\\.?)$")
                .matcher(number);
        if (code.matches()) {
            String letters = code.group(1) != null ? code.group(1) : code.group(4);
            if (currencyWord(letters)) {
                number = (code.group(1) != null ? code.group(2) : code.group(3)).strip();
            }
        }
        if (!AMOUNT.matcher(number).matches()) {
            throw new Refused("“" + value + "” is not an amount: enter only the number, like 1234.56 or 1.234,56"
                    + " (a currency code or symbol may stand beside it).");
        }
        BigDecimal amount = Amounts.parse(number.replace('\u2212', '-'))
                .orElseThrow(() -> new Refused("“" + value + "” is not an amount: enter it like 1234.56 or 1.234,56."));
        if (amount.abs().compareTo(LARGEST) >= 0) {
            throw new Refused("An amount of " + amount.toPlainString()
                    + " is not plausible: at most 12 digits before the decimal point.");
        }
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean currencyWord(String letters) {
        String upper = letters.toUpperCase(Locale.ROOT);
        if (CURRENCY_WORDS.contains(upper)) {
            return true;
        }
        try {
            return upper.length() == 3 && Currency.getInstance(upper) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Day, month and year as digits: a date written with numbers only, to tell one that does not exist. */
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})|(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");

    /**
     * A date typed by a person, taken whole or refused: ISO (2024-03-31), or day first (31.03.2024, 31/03/2024,
     * 31 March 2024), and nothing else beside it. A date that does not exist (31/02/2014) is said to not exist.
     */
    static LocalDate date(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            date = Dates.find(value, false).stream()
                    .filter(found ->
                            found.start() == 0 && found.printed().strip().length() == value.length())
                    .findFirst()
                    .map(Dates.Found::date)
                    .orElseThrow(() -> new Refused(dateRefusal(value)));
        }
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            throw new Refused(
                    "A date in " + date.getYear() + " is not plausible here: enter one between 1900 and 2100.");
        }
        return date;
    }

    private static String dateRefusal(String value) {
        Matcher numeric = NUMERIC_DATE.matcher(value);
        if (numeric.matches()) {
            boolean yearFirst = numeric.group(1) != null;
            int year = Integer.parseInt(yearFirst ? numeric.group(1) : numeric.group(6));
            int month = Integer.parseInt(yearFirst ? numeric.group(2) : numeric.group(5));
            int day = Integer.parseInt(yearFirst ? numeric.group(3) : numeric.group(4));
            if (month < 1 || month > 12) {
                return "“" + value + "” is not a date: there is no month " + month + ".";
            }
            int days = YearMonth.of(year, month).lengthOfMonth();
            if (day < 1 || day > days) {
                return "“" + value + "” is not a date: "
                        + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " " + year + " has " + days + " days.";
            }
        }
        return "“" + value + "” is not a date: enter only the date, like 2024-03-31 or 31.03.2024.";
    }

    /** The value as stored, or null for "not on the document"; refuses what cannot be right. */
    static String normalise(String name, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 300 || value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new Refused("Enter at most 300 characters, on one line.");
        }
        if (InvoiceField.is(name, InvoiceField.Kind.AMOUNT)) {
            return amount(value.strip());
        }
        if (InvoiceField.is(name, InvoiceField.Kind.DATE)) {
            return date(value.strip()).toString();
        }
        String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        switch (name) {
            case "currency" -> {
                try {
                    return Currency.getInstance(compact).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    throw new Refused("“" + value + "” is not an ISO 4217 currency code such as EUR, USD or MYR.");
                }
            }
            case "iban" -> {
                try {
                    IbanUtil.validate(compact);
                    return compact;
                } catch (Iban4jException e) {
                    throw new Refused(
                            "“" + value + "” is not a valid IBAN (its length, format or check digits are wrong).");
                }
            }
            case "bic" -> {
                try {
                    BicUtil.validate(compact);
                    return compact;
                } catch (Iban4jException e) {
                    throw new Refused("“" + value + "” is not a valid BIC (8 or 11 letters and digits).");
                }
            }
            case "sellerVatId", "buyerVatId" -> {
                if (!compact.matches("[A-Z0-9]{4,20}")) {
                    throw new Refused("“" + value + "” is not a VAT number: 4 to 20 letters and digits.");
                }
                return compact;
            }
            case "documentType" -> {
                String type = value.toLowerCase(Locale.ROOT);
                if (!TYPES.contains(type)) {
                    throw new Refused("The document type is one of: "
                            + String.join(", ", TYPES.stream().sorted().toList()) + ".");
                }
                return type;
            }
            default -> {
                return value.replaceAll("\\s+", " ");
            }
        }
    }
}
