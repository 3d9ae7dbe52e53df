package com.gemmavision.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.gemmavision.documents.extraction.Decimals;
import com.gemmavision.documents.extraction.ExtractedField;

/**
 * The labels format ({@code labels.jsonl}, {@code ../shared/corpus/README.md}): its fields, which of them are
 * amounts, and a document's stated fields in it. The labels.json export and the bake-off read it from here.
 */
public final class DocumentLabels {

    /** The fields the labels format has, in its order. */
    public static final List<String> FIELDS = List.of(
            "invoiceNumber",
            "issueDate",
            "dueDate",
            "totalAmount",
            "taxAmount",
            "netAmount",
            "currency",
            "sellerName",
            "sellerVatId",
            "buyerName",
            "iban");

    /** The fields written as numbers. */
    public static final List<String> AMOUNTS = List.of("totalAmount", "taxAmount", "netAmount");

    private DocumentLabels() {}

    /**
     * A document's stated fields as labels, amounts as decimals: what the user reviewed and corrected is taken as
     * the truth. A field not stated, or an amount that is not a decimal, is no label.
     */
    public static Map<String, Object> of(DocumentResults results) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : FIELDS) {
            ExtractedField field = results.field(name);
            if (field == null || field.value() == null || field.value().isBlank()) {
                continue;
            }
            if (AMOUNTS.contains(name)) {
                // an amount that is not a bounded decimal is no label
                Decimals.parse(field.value()).ifPresent(amount -> fields.put(name, amount));
            } else {
                fields.put(name, field.value());
            }
        }
        return fields;
    }
}
