package com.gemmavision.documents;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        Long textTokens) {

    public DocumentResults(
            StoredDocument document, List<PageText> pages, List<ExtractedField> fields, List<ExtractedTable> tables) {
        this(document, pages, fields, tables, List.of(), List.of(), null);
    }

    public DocumentResults {
        fields = fields.stream()
                .sorted(Comparator.comparingInt(f -> FieldExtractor.FIELDS.indexOf(f.name())))
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
