package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.gemmavision.ReportFixture;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;

class AbandonedDocumentsTest {

    private final DocumentRepository repository = new DocumentRepository(ReportFixture.jdbc());

    @Test
    void documentsOfOwnersNotSeenSinceTheCutOffAreRemovedWithTheirResults() {
        String gone = "owner-gone-" + System.nanoTime();
        String active = "owner-active-" + System.nanoTime();
        for (String owner : List.of(gone, active)) {
            repository.touchOwner(owner);
            repository.insert(new StoredDocument(
                    owner + "-doc",
                    owner,
                    "a.pdf",
                    "application/pdf",
                    3,
                    DocumentStatus.DONE,
                    1,
                    null,
                    null,
                    1,
                    null,
                    null,
                    false,
                    Instant.now()));
            repository.savePage(owner + "-doc", new PageText(1, PageText.TextSource.TEXT_LAYER, "text", null, 10, 10));
        }
        ReportFixture.jdbc()
                .sql("UPDATE document_owner SET last_seen = ? WHERE owner = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(40))), gone)
                .update();

        int removed = repository.removeAbandoned(Instant.now().minus(Duration.ofDays(30)));

        assertThat(removed).isEqualTo(1);
        assertThat(repository.byOwner(gone)).isEmpty();
        assertThat(repository.pages(gone + "-doc")).isEmpty();
        assertThat(repository.byOwner(active)).hasSize(1);
    }
}
