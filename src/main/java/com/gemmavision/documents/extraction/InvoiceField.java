package com.gemmavision.documents.extraction;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key fields of an invoice or receipt, in the order they are shown: the one list the rules, the page, the
 * JSON, the CSV, the corrections and Ask Gemma's prompt all read. Names and meanings follow EN 16931 and the
 * usual invoice models; {@code label} is what people call the field, {@code kind} how its value is written and
 * compared, {@code expected} whether a reader looks for it on every invoice or receipt (shown as "not found" when
 * nothing was read), and {@code aliases} the names earlier versions used in the JSON.
 */
public enum InvoiceField {
    DOCUMENT_TYPE("documentType", "Document type", Kind.CODE, false),
    INVOICE_NUMBER("invoiceNumber", "Invoice number", Kind.IDENTIFIER, true),
    ISSUE_DATE("issueDate", "Issue date", Kind.DATE, true),
    DUE_DATE("dueDate", "Due date", Kind.DATE, false),
    TOTAL_AMOUNT("totalAmount", "Total (incl. tax)", Kind.AMOUNT, true),
    AMOUNT_DUE("amountDue", "Amount due", Kind.AMOUNT, false),
    NET_AMOUNT("netAmount", "Net amount", Kind.AMOUNT, false),
    TAX_AMOUNT("taxAmount", "Tax", Kind.AMOUNT, true),
    CURRENCY("currency", "Currency", Kind.CODE, true),
    SELLER_NAME("sellerName", "Seller", Kind.NAME, true, "issuer"),
    SELLER_ADDRESS("sellerAddress", "Seller address", Kind.NAME, false),
    SELLER_VAT_ID("sellerVatId", "Seller VAT number", Kind.IDENTIFIER, false, "vatId"),
    BUYER_NAME("buyerName", "Buyer", Kind.NAME, false),
    BUYER_VAT_ID("buyerVatId", "Buyer VAT number", Kind.IDENTIFIER, false),
    IBAN("iban", "IBAN", Kind.IDENTIFIER, false),
    BIC("bic", "BIC", Kind.IDENTIFIER, false),
    PURCHASE_ORDER("purchaseOrder", "Purchase order", Kind.IDENTIFIER, false),
    PAYMENT_TERMS("paymentTerms", "Payment terms", Kind.NAME, false);

    /** How a field's value is written: amounts as plain decimals, dates as ISO dates, the rest as text. */
    public enum Kind {
        AMOUNT,
        DATE,
        IDENTIFIER,
        CODE,
        NAME
    }

    private final String fieldName;
    private final String label;
    private final Kind kind;
    private final boolean expected;
    private final List<String> aliases;

    InvoiceField(String fieldName, String label, Kind kind, boolean expected, String... aliases) {
        this.fieldName = fieldName;
        this.label = label;
        this.kind = kind;
        this.expected = expected;
        this.aliases = List.of(aliases);
    }

    /** The name in JSON, CSV, URLs and the database. */
    public String fieldName() {
        return fieldName;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public boolean expected() {
        return expected;
    }

    public List<String> aliases() {
        return aliases;
    }

    public static Optional<InvoiceField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }

    public static boolean is(String name, Kind kind) {
        return named(name).map(f -> f.kind == kind).orElse(false);
    }

    /** Every field's name, in order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(InvoiceField::fieldName).toList();
    }

    /** Every field's label by name, in order. */
    public static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (InvoiceField field : values()) {
            labels.put(field.fieldName, field.label);
        }
        return labels;
    }

    /** Old names by alias. */
    public static Map<String, String> aliasNames() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (InvoiceField field : values()) {
            field.aliases.forEach(alias -> aliases.put(alias, field.fieldName));
        }
        return aliases;
    }

    /** Fields a reader looks for on every invoice or receipt. */
    public static List<String> expectedNames() {
        return Arrays.stream(values())
                .filter(InvoiceField::expected)
                .map(InvoiceField::fieldName)
                .toList();
    }
}
