package com.gemmavision.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.gemmavision.documents.extraction.Amounts;
import com.gemmavision.documents.extraction.Dates;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.InvoiceField;

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
        Optional<ExtractedField> previous = java.util.stream.Stream.concat(
                        fields.stated().stream(), fields.unsure().stream())
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

    static ExtractedField corrected(String name, String value, String previous, Instant when) {
        return new ExtractedField(
                name,
                value,
                null,
                previous == null ? "added by a person" : "was " + previous,
                1.0,
                ExtractedField.CORRECTED,
                List.of("corrected by a person at " + when),
                List.of());
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
            // a currency symbol anywhere, or a code or prefix of up to three letters at either end ("EUR", "Rs."),
            // is not part of the number; any other letter is ("1e308" is not 1308)
            String number = value.replaceAll("\\p{Sc}", "")
                    .strip()
                    .replaceFirst("^\\p{L}{1,3}\\.?\\s*", "")
                    .replaceFirst("\\s*\\p{L}{1,3}\\.?$", "");
            BigDecimal amount = Amounts.parse(number)
                    .orElseThrow(
                            () -> new Refused("“" + value + "” is not an amount: enter it like 1234.56 or 1.234,56."));
            if (amount.abs().compareTo(LARGEST) >= 0) {
                throw new Refused("An amount of " + amount.toPlainString()
                        + " is not plausible: at most 12 digits before" + " the decimal point.");
            }
            return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (InvoiceField.is(name, InvoiceField.Kind.DATE)) {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                date = Dates.find(value, false).stream()
                        .findFirst()
                        .map(Dates.Found::date)
                        .orElseThrow(() -> new Refused(
                                "“" + value + "” is not a date between 1900 and 2100: enter it like" + " 2024-03-31."));
            }
            if (date.getYear() < 1900 || date.getYear() > 2100) {
                throw new Refused(
                        "A date in " + date.getYear() + " is not plausible here: enter one between 1900 and 2100.");
            }
            return date.toString();
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
