package com.gemmavision.documents.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.DocumentTokens;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.ExtractedTable;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The session's documents and their results as JSON and CSV, for scripts; another session's id is unknown. */
@RestController
class DocumentDataController {

    private final Documents documents;
    private final FieldCorrections corrections;
    private final DocumentTokens tokens;
    private final DocumentOwner owner;
    private final CurrentSelection currentSelection;

    DocumentDataController(
            Documents documents,
            FieldCorrections corrections,
            DocumentTokens tokens,
            DocumentOwner owner,
            CurrentSelection currentSelection) {
        this.documents = documents;
        this.corrections = corrections;
        this.tokens = tokens;
        this.owner = owner;
        this.currentSelection = currentSelection;
    }

    @GetMapping(value = "/documents.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DocumentJson.Summary> list(HttpServletRequest request) {
        return owner.current(request).map(documents::list).orElse(List.of()).stream()
                .map(DocumentJson.Summary::of)
                .toList();
    }

    @GetMapping(value = "/documents/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentJson detail(@PathVariable String id, HttpServletRequest request) {
        DocumentResults results = documents.results(find(id, request));
        Selection selection = currentSelection.resolve(request).selection();
        List<TokenNeeds> needs =
                results.pages().isEmpty() ? List.of() : tokens.needs(results, selection.models(), selection.panScan());
        return DocumentJson.of(results, needs);
    }

    private StoredDocument find(String id, HttpServletRequest request) {
        return owner.current(request)
                .flatMap(me -> documents.find(id, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
    }

    @GetMapping("/documents/{id}/fields.csv")
    ResponseEntity<String> fieldsCsv(@PathVariable String id, HttpServletRequest request) {
        DocumentResults results = documents.results(find(id, request));
        List<List<String>> rows = results.fields().stream()
                .map(f -> List.of(
                        f.name(),
                        f.value(),
                        f.pageNumber() == null ? "" : f.pageNumber().toString(),
                        f.snippet() == null ? "" : f.snippet(),
                        String.valueOf(f.confidence())))
                .toList();
        return Downloads.csv("document-fields.csv", List.of("field", "value", "page", "snippet", "confidence"), rows);
    }

    /** A person's correction of one field, for scripts: answers the document JSON, or 422 with the reason. */
    @PostMapping(value = "/documents/{id}/fields/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correct(
            @PathVariable String id,
            @PathVariable String name,
            @RequestParam(defaultValue = "") String value,
            HttpServletRequest request) {
        StoredDocument document = find(id, request);
        if (!FieldCorrections.correctable(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No field named " + name);
        }
        try {
            corrections.correct(document, name, value);
        } catch (FieldCorrections.Refused refused) {
            return ResponseEntity.unprocessableContent().body(new DocumentJson.Refusal(refused.getMessage(), name));
        }
        return ResponseEntity.ok(detail(id, request));
    }

    /**
     * The document's fields as one line of the {@code labels.jsonl} format ({@code ../shared/corpus/README.md}):
     * amounts as numbers, so a team can grow its own gold set from checked documents and run the bench on it.
     */
    @GetMapping(value = "/documents/{id}/labels.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentJson.LabelLine> labels(@PathVariable String id, HttpServletRequest request) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"labels.json\"")
                .body(DocumentJson.LabelLine.of(documents.results(find(id, request))));
    }

    /** One row per document of the session, with every field (raw values), for a batch. */
    @GetMapping("/documents.csv")
    ResponseEntity<String> allCsv(HttpServletRequest request) {
        List<String> header = new ArrayList<>(List.of("id", "filename", "status"));
        header.addAll(FieldExtractor.FIELDS);
        List<List<String>> rows = new ArrayList<>();
        for (StoredDocument document :
                owner.current(request).map(documents::list).orElse(List.of())) {
            DocumentResults results = documents.results(document);
            List<String> row = new ArrayList<>(List.of(
                    document.id(), document.filename(), document.status().code()));
            for (String name : FieldExtractor.FIELDS) {
                ExtractedField field = results.field(name);
                row.add(field == null ? "" : field.value());
            }
            rows.add(row);
        }
        return Downloads.csv("documents.csv", header, rows);
    }

    @GetMapping("/documents/{id}/tables/{index}.csv")
    ResponseEntity<String> tableCsv(@PathVariable String id, @PathVariable int index, HttpServletRequest request) {
        ExtractedTable table = documents.results(find(id, request)).tables().stream()
                .filter(t -> t.index() == index)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such table"));
        List<List<String>> rows = table.rows();
        return Downloads.csv("document-table-" + index + ".csv", rows.get(0), rows.subList(1, rows.size()));
    }
}
