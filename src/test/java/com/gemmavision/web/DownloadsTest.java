package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Download names as browsers read them, ASCII or not. */
class DownloadsTest {

    @Test
    void anAsciiNameIsQuotedAndAnyOtherGoesAsUtf8() {
        assertThat(Downloads.pdf("gemma3-overview.pdf", new byte[0])
                        .getHeaders()
                        .getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"gemma3-overview.pdf\"");
        assertThat(Downloads.pdf("Müller \"Q3\"-report.pdf", new byte[0])
                        .getHeaders()
                        .getFirst("Content-Disposition"))
                // browsers take the RFC 5987 form, which carries any character
                .endsWith("; filename*=UTF-8''M%C3%BCller%20%22Q3%22-report.pdf");
    }
}
