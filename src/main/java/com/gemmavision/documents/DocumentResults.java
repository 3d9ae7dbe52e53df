package com.gemmavision.documents;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.ExtractedTable;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.extraction.InvoiceField;
import com.gemmavision.documents.extraction.Transactions;
import com.gemmavision.documents.text.PageText;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A document with what was extracted from it. */
public record DocumentResults(
        StoredDocument document,
        List<PageText> pages,
        List<ExtractedField> fields,
        List<ExtractedTable> tables,
        List<EInvoiceXml.LineItem> lineItems,
        List<Transactions.Transaction> transactions,
        Long textTokens,
        List<ExtractedField> unsure) {

    /**
     * Fields a reader of an invoice or receipt looks for first: when neither stated nor found unsure, they are
     * listed as "not found" rather than left out.
     */
    public static final List<String> EXPECTED = InvoiceField.expectedNames();

    public DocumentResults(
            StoredDocument document, List<PageText> pages, List<ExtractedField> fields, List<ExtractedTable> tables) {
        this(document, pages, fields, tables, List.of(), List.of(), null, List.of());
    }

    public DocumentResults {
        fields = inFieldOrder(fields);
        unsure = inFieldOrder(unsure);
    }

    private static List<ExtractedField> inFieldOrder(List<ExtractedField> fields) {
        return fields.stream()
                .sorted(Comparator.comparingInt(f -> FieldExtractor.FIELDS.indexOf(f.name())))
                .toList();
    }

    /** The stated fields, then the values not sure enough to state, in field order each: the rows of the table. */
    public List<ExtractedField> fieldsThenUnsure() {
        List<ExtractedField> all = new ArrayList<>(fields);
        all.addAll(unsure);
        return all;
    }

    /** Expected fields with no value at all, stated or unsure. */
    public List<String> notFound() {
        return EXPECTED.stream()
                .filter(name -> field(name) == null
                        && unsure.stream().noneMatch(f -> f.name().equals(name)))
                .toList();
    }

    public long characters() {
        return pages.stream().mapToLong(p -> p.text().length()).sum();
    }

    public ExtractedField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    static ExtractedTable table(String[] stored) {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(stored[2]))) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExtractedTable(Integer.parseInt(stored[0]), Integer.parseInt(stored[1]), rows);
    }
}
