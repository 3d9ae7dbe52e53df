package com.gemmavision.documents.web;

import java.util.List;

import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.TokenNeeds;

/** A document with its results and what each selected model would need to read it. */
public record DocumentCard(DocumentResults results, List<TokenNeeds> needs) {

    public StoredDocument document() {
        return results.document();
    }
}
