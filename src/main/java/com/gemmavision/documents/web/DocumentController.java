package com.gemmavision.documents.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.intake.TempFiles;
import com.gemmavision.documents.llm.AskGemma;
import com.gemmavision.web.http.Htmx;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageModel;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.SelectionResolver;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Uploads and the owner's actions on documents. With HTMX every action answers with the documents section
 * (and the sidebar's list, out of band); without JavaScript it redirects back to the page, or shows it with
 * the refusal and a 4xx; JSON clients get JSON.
 */
@Controller
class DocumentController {

    static final String SECTION = "fragments/documents :: docs-response";

    private final Documents documents;
    private final DocumentOwner owner;
    private final CurrentSelection currentSelection;
    private final PageModel pageModel;
    private final DocumentsModel documentsModel;
    private final AskGemma askGemma;
    private final FieldCorrections corrections;

    DocumentController(
            Documents documents,
            DocumentOwner owner,
            CurrentSelection currentSelection,
            PageModel pageModel,
            DocumentsModel documentsModel,
            AskGemma askGemma,
            FieldCorrections corrections) {
        this.askGemma = askGemma;
        this.corrections = corrections;
        this.documents = documents;
        this.owner = owner;
        this.currentSelection = currentSelection;
        this.pageModel = pageModel;
        this.documentsModel = documentsModel;
    }

    @PostMapping(value = "/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<UploadJson> uploadJson(
            @RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request)
            throws IOException {
        Documents.Outcome outcome = upload(files, request);
        return ResponseEntity.status(status(outcome))
                .body(new UploadJson(
                        outcome.accepted().stream()
                                .map(DocumentJson.Summary::of)
                                .toList(),
                        outcome.rejected().stream()
                                .map(r -> new UploadJson.Refusal(r.filename(), r.message()))
                                .toList()));
    }

    /** What an upload answers to a JSON client: the documents accepted, and each refusal with its reason. */
    record UploadJson(List<DocumentJson.Summary> accepted, List<Refusal> rejected) {
        record Refusal(String filename, String error) {}
    }

    @PostMapping("/documents")
    String upload(
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            HttpServletResponse response,
            Model model)
            throws IOException {
        Documents.Outcome outcome = upload(files, request);
        List<String> messages = new ArrayList<>();
        if (!outcome.accepted().isEmpty()) {
            messages.add(
                    outcome.accepted().size() == 1
                            ? "Uploaded " + outcome.accepted().get(0).filename() + "; processing starts shortly."
                            : "Uploaded " + outcome.accepted().size() + " files; processing starts shortly.");
        }
        response.setStatus(status(outcome).value());
        if (outcome.rejected().isEmpty() && !Htmx.isRequest(htmx)) {
            return "redirect:/?" + currentSelection.resolve(request).selection().toQueryString() + "#documents";
        }
        model.addAttribute("uploadMessages", messages);
        model.addAttribute(
                "uploadRefusals",
                outcome.rejected().stream().map(Documents.Rejection::message).toList());
        return respond(request, htmx, model);
    }

    private Documents.Outcome upload(List<MultipartFile> files, HttpServletRequest request) throws IOException {
        if (files == null
                || files.stream().allMatch(MultipartFile::isEmpty)
                        && files.stream()
                                .allMatch(f -> f.getOriginalFilename() == null
                                        || f.getOriginalFilename().isBlank())) {
            return new Documents.Outcome(
                    List.of(),
                    List.of(new Documents.Rejection(
                            "", "Choose a PDF, PNG, JPEG, e-invoice XML or ZIP file to upload.", 400)));
        }
        if (!owner.mayStart(request)) {
            return new Documents.Outcome(
                    List.of(),
                    List.of(new Documents.Rejection(
                            "",
                            "Too many new sessions from your address this minute; wait a minute and upload again.",
                            429)));
        }
        List<Documents.Upload> uploads = new ArrayList<>();
        try {
            for (MultipartFile file : files) {
                Path copy = TempFiles.create("upload");
                uploads.add(new Documents.Upload(file.getOriginalFilename(), copy));
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return documents.upload(() -> owner.currentOrNew(request), uploads);
        } finally {
            for (Documents.Upload upload : uploads) {
                Files.deleteIfExists(upload.file());
            }
        }
    }

    private static HttpStatus status(Documents.Outcome outcome) {
        if (outcome.rejected().isEmpty()) {
            return HttpStatus.CREATED;
        }
        if (!outcome.accepted().isEmpty()) {
            return HttpStatus.OK;
        }
        return HttpStatus.valueOf(outcome.rejected().stream()
                .mapToInt(Documents.Rejection::status)
                .max()
                .orElse(400));
    }

    /** The documents section for HTMX, or the whole page otherwise. */
    private String respond(HttpServletRequest request, String htmx, Model model) {
        SelectionResolver.Resolved resolved = currentSelection.resolve(request);
        if (Htmx.isRequest(htmx)) {
            pageModel.populateSidebar(model, resolved);
            documentsModel.populate(model, request, resolved.selection());
            return SECTION;
        }
        pageModel.populateForUser(Page.HOME, model, resolved, request);
        return Page.HOME.template();
    }

    @GetMapping("/documents/section")
    String section(HttpServletRequest request, Model model) {
        SelectionResolver.Resolved resolved = currentSelection.resolve(request);
        pageModel.populateSidebar(model, resolved);
        documentsModel.populate(model, request, resolved.selection());
        return SECTION;
    }

    private String action(boolean done, HttpServletRequest request, String htmx, Model model) {
        return action(done, request, htmx, model, "#documents");
    }

    /** The section again after an action; without HTMX, the page at {@code anchor}, where the result shows. */
    private String action(boolean done, HttpServletRequest request, String htmx, Model model, String anchor) {
        if (!done) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document");
        }
        if (Htmx.isRequest(htmx)) {
            return respond(request, htmx, model);
        }
        return "redirect:/?" + currentSelection.resolve(request).selection().toQueryString() + anchor;
    }

    private String ownerOr404(HttpServletRequest request) {
        return owner.current(request)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
    }

    @PostMapping("/documents/{id}/cancel")
    String cancel(
            @PathVariable String id,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        String me = ownerOr404(request);
        documents.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        documents.cancel(id, me);
        return action(true, request, htmx, model);
    }

    @PostMapping("/documents/{id}/delete")
    String delete(
            @PathVariable String id,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        model.addAttribute("justRemoved", id);
        return action(documents.remove(id, ownerOr404(request)), request, htmx, model, "#document-list");
    }

    /** Undo of Remove, while the document is still kept. */
    @PostMapping("/documents/{id}/restore")
    String restore(
            @PathVariable String id,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        return action(documents.restore(id, ownerOr404(request)), request, htmx, model);
    }

    @PostMapping("/documents/{id}/password")
    String password(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        if (password.length() > Documents.MAX_PASSWORD_LENGTH) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "A PDF password has at most " + Documents.MAX_PASSWORD_LENGTH + " characters.");
        }
        return action(documents.supplyPassword(id, ownerOr404(request), password), request, htmx, model);
    }

    /** "Ask Gemma": the configured model's fields beside the rule-based ones, for one document. */
    @PostMapping("/documents/{id}/ask")
    String ask(
            @PathVariable String id,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        StoredDocument document = owner.current(request)
                .flatMap(me -> documents.find(id, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
        if (!askGemma.enabled()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Ask Gemma is not configured");
        }
        DocumentResults results = documents.results(document);
        model.addAttribute("askDocument", results);
        model.addAttribute("answer", askGemma.ask(results));
        if (Htmx.isRequest(htmx)) {
            return "fragments/documents :: ask-result";
        }
        return respondWithAnswer(request, model);
    }

    private String respondWithAnswer(HttpServletRequest request, Model model) {
        SelectionResolver.Resolved resolved = currentSelection.resolve(request);
        pageModel.populateForUser(Page.HOME, model, resolved, request);
        return Page.HOME.template();
    }

    /** A person's correction of one field, from the page: the section again, with the refusal in words if any. */
    @PostMapping("/documents/{id}/fields/{name}")
    String correct(
            @PathVariable String id,
            @PathVariable String name,
            @RequestParam(defaultValue = "") String value,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        StoredDocument document = owner.current(request)
                .flatMap(me -> documents.find(id, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
        if (!FieldCorrections.correctable(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No field named " + name);
        }
        try {
            corrections.correct(document, name, value);
        } catch (FieldCorrections.Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // beside the box, with what was typed; a page loaded without JavaScript also says it at the top
            model.addAttribute("fieldError", new FieldError(id, name, value, refused.getMessage()));
            if (!Htmx.isRequest(htmx)) {
                model.addAttribute(
                        "uploadRefusals", List.of(document.filename() + ", " + name + ": " + refused.getMessage()));
            }
            return respond(request, htmx, model);
        }
        if (Htmx.isRequest(htmx)) {
            return respond(request, htmx, model);
        }
        return "redirect:/?" + currentSelection.resolve(request).selection().toQueryString() + "#field-" + id + "-"
                + name;
    }

    /** A field the rules missed, added by a person (the form names it). */
    @PostMapping("/documents/{id}/fields")
    String add(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String value,
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return correct(id, name, value, request, htmx, response, model);
    }

    @PostMapping("/documents/rerun")
    String rerun(
            HttpServletRequest request,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Model model) {
        owner.current(request).ifPresent(documents::rerun);
        return action(true, request, htmx, model);
    }
}
