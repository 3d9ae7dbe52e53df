package com.gemmavision.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreTextWhilePlainNumbersStayNumbers() throws Exception {
        String csv = Downloads.csv(
                        "t.csv",
                        List.of("name", "=cmd|' /C calc'!A0"),
                        List.of(
                                List.of("=HYPERLINK(\"http://evil\",\"x\")", "-12.50"),
                                List.of("+1+1", "@SUM(A1)"),
                                List.of("-2+3", "\tx"),
                                List.of("\rx", "ACME -1"),
                                List.of("+49", "")))
                .getBody();

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "name,'=cmd|' /C calc'!A0",
                        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-12.50",
                        "'+1+1,'@SUM(A1)",
                        "'-2+3,'\tx",
                        "\"'\rx\",ACME -1",
                        "+49,");
    }
}
