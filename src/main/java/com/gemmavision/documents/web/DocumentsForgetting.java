package com.gemmavision.documents.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.documents.Documents;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.web.session.Forgetting;

import org.springframework.stereotype.Component;

/** "Forget me" for documents: every document of the user, with its stored file and results, is removed. */
@Component
class DocumentsForgetting implements Forgetting {

    private final Documents documents;
    private final DocumentOwner owner;

    DocumentsForgetting(Documents documents, DocumentOwner owner) {
        this.documents = documents;
        this.owner = owner;
    }

    @Override
    public void forget(HttpServletRequest request) {
        owner.current(request).ifPresent(documents::forget);
    }

    @Override
    public Optional<String> kept(HttpServletRequest request) {
        int count = owner.current(request).map(o -> documents.list(o).size()).orElse(0);
        return count == 0
                ? Optional.empty()
                : Optional.of(count + (count == 1 ? " document" : " documents")
                        + ", with their text, fields and corrections");
    }
}
