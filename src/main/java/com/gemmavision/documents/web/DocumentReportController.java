package com.gemmavision.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.web.page.PageModel;
import com.gemmavision.web.page.PdfReports;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.SelectionResolver;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One document as a PDF: its card as the page shows it (key fields with their evidence and checks, tables,
 * what each selected model needs for it), for its owner only.
 */
@Controller
class DocumentReportController {

    private static final String CARD = "fragments/documents :: docs-section";

    /** Pages whose text the report prints; the rest is in the document's JSON. */
    static final int REPORT_PAGES = 5;

    private final Documents documents;
    private final DocumentOwner owner;
    private final CurrentSelection currentSelection;
    private final PageModel pageModel;
    private final DocumentsModel documentsModel;
    private final PdfReports reports;

    DocumentReportController(
            Documents documents,
            DocumentOwner owner,
            CurrentSelection currentSelection,
            PageModel pageModel,
            DocumentsModel documentsModel,
            PdfReports reports) {
        this.documents = documents;
        this.owner = owner;
        this.currentSelection = currentSelection;
        this.pageModel = pageModel;
        this.documentsModel = documentsModel;
        this.reports = reports;
    }

    @GetMapping("/documents/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        StoredDocument document = owner.current(request)
                .flatMap(me -> documents.find(id, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
        SelectionResolver.Resolved resolved = currentSelection.resolve(request);
        String base = document.filename().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return reports.fragment(
                base + "-report.pdf",
                new PdfReports.Heading(
                        document.filename(),
                        "What each selected model needs for it: "
                                + String.join(", ", resolved.selection().models()),
                        ServletUriComponentsBuilder.fromContextPath(request)
                                .path("/")
                                .query(resolved.selection().toQueryString())
                                .fragment("document-" + document.id())
                                .build()
                                .toUriString()),
                CARD,
                model -> {
                    pageModel.populateSidebar(model, resolved);
                    model.addAttribute("reportPages", REPORT_PAGES);
                    documentsModel.populate(model, request, resolved.selection(), d -> d.id().equals(document.id()));
                },
                request,
                response);
    }
}
