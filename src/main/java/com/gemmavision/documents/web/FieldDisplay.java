package com.gemmavision.documents.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.extraction.Decimals;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.InvoiceField;

/**
 * How a field reads on the page for the person looking at it: amounts with their currency and grouping, dates
 * spelled out, in the browser's language (Accept-Language). JSON, CSV and the edit box keep the raw values.
 */
public record FieldDisplay(Locale locale) {

    public String show(ExtractedField field, DocumentResults results) {
        String value = field.value();
        try {
            if (InvoiceField.is(field.name(), InvoiceField.Kind.AMOUNT)) {
                ExtractedField currency = results.field("currency");
                NumberFormat format = currency == null
                        ? NumberFormat.getNumberInstance(locale)
                        : NumberFormat.getCurrencyInstance(locale);
                if (currency != null) {
                    format.setCurrency(Currency.getInstance(currency.value()));
                }
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
                return Decimals.parse(value).map(format::format).orElse(value);
            }
            if (InvoiceField.is(field.name(), InvoiceField.Kind.DATE)) {
                return LocalDate.parse(value)
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return value;
        }
        return value;
    }
}
