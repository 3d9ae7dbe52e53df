package com.gemmavision.documents.web;

import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.DocumentTokens;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.llm.AskGemma;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.documents.text.Ocr;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.UserSection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the documents section and the sidebar's document list show for the current user on the main page, and
 * on the advisor the processed documents as context lengths.
 */
@Component
class DocumentsModel implements UserSection {

    private final Documents documents;
    private final DocumentTokens tokens;
    private final DocumentOwner owner;
    private final Ocr ocr;
    private final AskGemma askGemma;

    DocumentsModel(Documents documents, DocumentTokens tokens, DocumentOwner owner, Ocr ocr, AskGemma askGemma) {
        this.askGemma = askGemma;
        this.documents = documents;
        this.tokens = tokens;
        this.owner = owner;
        this.ocr = ocr;
    }

    /** A processed document as a context length the advisor can use: the most tokens any selected model needs. */
    record DocumentContext(String filename, long tokens) {}

    @Override
    public void addTo(Page page, Model model, Selection selection, HttpServletRequest request) {
        if (page == Page.HOME) {
            populate(model, request, selection);
        } else if (page == Page.ADVISOR) {
            model.addAttribute("documentContexts", contexts(request, selection));
        }
    }

    List<DocumentContext> contexts(HttpServletRequest request, Selection selection) {
        List<StoredDocument> mine = owner.current(request).map(documents::list).orElse(List.of());
        return mine.stream()
                .filter(d -> d.status() == DocumentStatus.DONE)
                .map(d -> {
                    DocumentResults results = documents.results(d);
                    long most = tokens.needs(results, selection.models(), selection.panScan()).stream()
                            .mapToLong(TokenNeeds::totalTokens)
                            .max()
                            .orElse(0);
                    return new DocumentContext(d.filename(), Math.max(1, most));
                })
                .toList();
    }

    void populate(Model model, HttpServletRequest request, Selection selection) {
        populate(model, request, selection, document -> true);
    }

    /** The section for the user's documents that {@code shown} accepts (one, for its PDF report). */
    void populate(Model model, HttpServletRequest request, Selection selection, Predicate<StoredDocument> shown) {
        List<StoredDocument> mine = owner.current(request).map(documents::list).orElse(List.of()).stream()
                .filter(shown)
                .toList();
        List<DocumentCard> cards = mine.stream()
                .map(d -> {
                    DocumentResults results = documents.results(d);
                    return new DocumentCard(
                            results,
                            results.pages().isEmpty()
                                    ? List.of()
                                    : tokens.needs(results, selection.models(), selection.panScan()));
                })
                .toList();
        model.addAttribute("documents", mine);
        model.addAttribute(
                "removedDocuments",
                owner.current(request).map(documents::recentlyRemoved).orElse(List.of()));
        model.addAttribute("documentCards", cards);
        model.addAttribute(
                "documentsBusy", mine.stream().anyMatch(d -> !d.status().finished()));
        model.addAttribute("documentLimits", documents.limits());
        model.addAttribute("charsPerToken", tokens.charsPerToken());
        model.addAttribute("ocrAvailable", ocr.available());
        model.addAttribute("documentsInline", true);
        model.addAttribute("askGemma", askGemma);
        model.addAttribute("fieldLabels", FieldExtractor.LABELS);
        model.addAttribute("fieldNames", FieldExtractor.FIELDS);
        model.addAttribute("statedFromPage", FieldExtractor.SHIPPED.of("", ExtractedField.TEXT_LAYER));
        model.addAttribute("statedFromXml", FieldExtractor.SHIPPED.of("", ExtractedField.EMBEDDED_XML));
        model.addAttribute("fieldDisplay", new FieldDisplay(request.getLocale()));
        if (!model.containsAttribute("uploadMessages")) {
            model.addAttribute("uploadMessages", List.of());
        }
        if (!model.containsAttribute("uploadRefusals")) {
            model.addAttribute("uploadRefusals", List.of());
        }
    }
}
