package com.gemmavision.documents.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.gemmavision.documents.DocumentLabels;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;
import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.extraction.Transactions;
import com.gemmavision.documents.text.PageText;
import com.gemmavision.web.page.Page;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The document JSON contract ({@code GET /documents/{id}.json}) as types, serialised by Jackson in component
 * order: what a script reads is what these records say.
 */
record DocumentJson(
        String id,
        String filename,
        String status,
        double progress,
        String stage,
        String error,
        boolean needsPassword,
        Integer pageCount,
        List<Page> pages,
        Fields fields,
        List<Transactions.Transaction> transactions,
        List<Table> tables,
        Map<String, Tokens> tokens) {

    /** A document in a list: enough to find it again. */
    record Summary(String id, String filename, String status) {
        static Summary of(StoredDocument document) {
            return new Summary(
                    document.id(), document.filename(), document.status().code());
        }
    }

    record Page(int number, String textSource, String text, Double ocrConfidence, String note) {
        static Page of(PageText page) {
            return new Page(page.pageNumber(), page.source().code(), page.text(), page.ocrConfidence(), page.note());
        }
    }

    /** Where a field came from and how it was checked. */
    record Evidence(
            Integer page,
            String snippet,
            double confidence,
            String source,
            List<String> checksPassed,
            List<String> checksFailed) {
        static Evidence of(ExtractedField field) {
            return new Evidence(
                    field.pageNumber(),
                    field.snippet(),
                    field.confidence(),
                    field.source(),
                    field.passed(),
                    field.failed());
        }
    }

    /**
     * The key fields (null when not stated), the old names as aliases, e-invoice lines, each field's evidence, the
     * values found but not sure enough to state, and the expected fields not found at all.
     */
    record Fields(
            String documentType,
            String invoiceNumber,
            String issueDate,
            String dueDate,
            String totalAmount,
            String amountDue,
            String netAmount,
            String taxAmount,
            String currency,
            String sellerName,
            String sellerAddress,
            String sellerVatId,
            String buyerName,
            String buyerVatId,
            String iban,
            String bic,
            String purchaseOrder,
            String paymentTerms,
            String issuer,
            String vatId,
            List<EInvoiceXml.LineItem> lineItems,
            Map<String, Evidence> evidence,
            Map<String, NotSure> notSure,
            List<String> notFound) {

        /** A value found below the stated confidence: never one of the fields above. */
        record NotSure(String value, Evidence evidence) {}

        static Fields of(DocumentResults results) {
            Map<String, NotSure> notSure = new LinkedHashMap<>();
            for (ExtractedField field : results.unsure()) {
                notSure.put(field.name(), new NotSure(field.value(), Evidence.of(field)));
            }
            Map<String, Evidence> evidence = new LinkedHashMap<>();
            for (String name : FieldExtractor.FIELDS) {
                ExtractedField field = results.field(name);
                if (field != null) {
                    evidence.put(name, Evidence.of(field));
                }
            }
            Function<String, String> v = name -> {
                ExtractedField field = results.field(name);
                return field == null ? null : field.value();
            };
            return new Fields(
                    v.apply("documentType"),
                    v.apply("invoiceNumber"),
                    v.apply("issueDate"),
                    v.apply("dueDate"),
                    v.apply("totalAmount"),
                    v.apply("amountDue"),
                    v.apply("netAmount"),
                    v.apply("taxAmount"),
                    v.apply("currency"),
                    v.apply("sellerName"),
                    v.apply("sellerAddress"),
                    v.apply("sellerVatId"),
                    v.apply("buyerName"),
                    v.apply("buyerVatId"),
                    v.apply("iban"),
                    v.apply("bic"),
                    v.apply("purchaseOrder"),
                    v.apply("paymentTerms"),
                    v.apply(FieldExtractor.ALIASES.get("issuer")),
                    v.apply(FieldExtractor.ALIASES.get("vatId")),
                    results.lineItems(),
                    evidence,
                    notSure,
                    results.notFound());
        }
    }

    record Table(int page, List<List<String>> rows) {}

    /** What one model would need to read the document. */
    record Tokens(
            long textTokens,
            boolean textTokensExact,
            long imageTokens,
            long totalTokens,
            long contextWindow,
            boolean fits,
            boolean readsImages,
            Map<String, Long> memoryBytes) {
        static Tokens of(TokenNeeds need) {
            Map<String, Long> memory = new LinkedHashMap<>();
            need.memory().forEach(m -> memory.put(m.quant(), m.bytes()));
            return new Tokens(
                    need.textTokens(),
                    need.exactText(),
                    need.imageTokens(),
                    need.totalTokens(),
                    need.contextWindow(),
                    need.fits(),
                    need.readsImages(),
                    memory);
        }
    }

    static DocumentJson of(DocumentResults results, List<TokenNeeds> needs) {
        StoredDocument document = results.document();
        Map<String, Tokens> tokens = new LinkedHashMap<>();
        needs.forEach(need -> tokens.put(need.model(), Tokens.of(need)));
        return new DocumentJson(
                document.id(),
                document.filename(),
                document.status().code(),
                document.progress(),
                document.stage(),
                document.error(),
                document.encrypted(),
                document.pageCount(),
                results.pages().stream().map(Page::of).toList(),
                Fields.of(results),
                results.transactions(),
                results.tables().stream()
                        .map(t -> new Table(t.pageNumber(), t.rows()))
                        .toList(),
                tokens);
    }

    /**
     * A document's checked fields as one line of the corpus's {@code labels.jsonl} format: amounts as numbers,
     * fields the document does not show left out.
     */
    record LabelLine(String file, String kind, LabelFields fields, String notes) {

        static LabelLine of(DocumentResults results) {
            ExtractedField type = results.field("documentType");
            return new LabelLine(
                    results.document().filename(),
                    type != null && type.value().equals("receipt") ? "receipt" : "invoice",
                    LabelFields.of(results),
                    "Exported from GemmaVision-QuantAdvisor; corrected fields: "
                            + results.fields().stream()
                                    .filter(f -> ExtractedField.CORRECTED.equals(f.source()))
                                    .map(ExtractedField::name)
                                    .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LabelFields(
            String invoiceNumber,
            String issueDate,
            String dueDate,
            BigDecimal totalAmount,
            BigDecimal taxAmount,
            BigDecimal netAmount,
            String currency,
            String sellerName,
            String sellerVatId,
            String buyerName,
            String iban) {

        static LabelFields of(DocumentResults results) {
            Map<String, Object> labels = DocumentLabels.of(results);
            return new LabelFields(
                    (String) labels.get("invoiceNumber"),
                    (String) labels.get("issueDate"),
                    (String) labels.get("dueDate"),
                    (BigDecimal) labels.get("totalAmount"),
                    (BigDecimal) labels.get("taxAmount"),
                    (BigDecimal) labels.get("netAmount"),
                    (String) labels.get("currency"),
                    (String) labels.get("sellerName"),
                    (String) labels.get("sellerVatId"),
                    (String) labels.get("buyerName"),
                    (String) labels.get("iban"));
        }
    }

    /** A correction refused, with why. */
    record Refusal(String error, String field) {}
}
