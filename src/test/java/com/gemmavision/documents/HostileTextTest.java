package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.extraction.TableDetector;
import com.gemmavision.documents.extraction.Transactions;
import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text built to make regular expressions backtrack: 200,000-character words and lines, after every label the
 * rules know, read by every field rule, the table finder and the transaction reader. The rules see lines bounded
 * by {@link PageText#ruleLines()}, so each page costs milliseconds however it was built.
 */
class HostileTextTest {

    private static final int HUGE = 200_000;

    private static String page(String filler) {
        return String.join(
                "\n",
                "INVOICE",
                "Invoice No: " + filler,
                "Seller: " + filler,
                "Bill to: " + filler,
                filler,
                "Date: 01/02/2024 " + filler,
                "Due date: " + filler,
                "VAT ID: " + filler,
                "IBAN: " + filler,
                "BIC: " + filler,
                "Payment terms: " + filler,
                "PO number: " + filler,
                "Date  Description  Debit  Credit  Balance",
                "01/02/2024  " + filler + "  12.00  1.00  13.00",
                "Subtotal " + filler + " 100.00",
                "VAT 20% " + filler + " 20.00",
                "Total " + filler + " 120.00",
                "Cash " + filler,
                "Change " + filler,
                "RM " + filler + " Sdn Bhd " + filler);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"oneWord", "lettersThenDigits", "alternating", "spaces", "symbols", "amounts", "doubleSpaces"})
    void twoHundredThousandCharacterLinesPassEveryRuleWithinASecond(String shape) {
        String filler = switch (shape) {
            case "oneWord" -> "A".repeat(HUGE);
            case "lettersThenDigits" -> "a".repeat(HUGE / 2) + "1".repeat(HUGE / 2) + "!";
            case "alternating" -> "a1".repeat(HUGE / 2);
            case "spaces" -> "Ab ".repeat(HUGE / 3);
            case "symbols" -> "$|{".repeat(HUGE / 3);
            case "amounts" -> "1,234.56 ".repeat(HUGE / 9);
            default -> "12.00  x  ".repeat(HUGE / 10);
        };
        List<PageText> pages = List.of(
                new PageText(1, PageText.TextSource.TEXT_LAYER, page(filler), null, null, null),
                new PageText(2, PageText.TextSource.OCR, page(filler), 50.0, 1000, 1400));

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            new FieldExtractor().extract(pages);
            new TableDetector().detect(pages);
            Transactions.extract(pages);
        });
    }

    @Test
    void theRulesReadBoundedLinesWhileTheStoredTextStaysWhole() {
        String text = "Total " + "9".repeat(HUGE) + " 120.00\n" + "x\n".repeat(5_000);
        PageText page = new PageText(1, PageText.TextSource.TEXT_LAYER, text, null, null, null);

        List<String> lines = page.ruleLines();

        assertThat(page.text()).hasSize(text.length());
        assertThat(lines).hasSize(PageText.MAX_RULE_LINES);
        assertThat(lines.get(0)).isEqualTo("Total " + "9".repeat(PageText.MAX_RULE_WORD) + " 120.00");
        assertThat(lines).allMatch(l -> l.length() <= PageText.MAX_RULE_LINE);
    }

    @Test
    void aNameWithDigitsInsideAWordIsStillRefusedAndAPlainNameAccepted() {
        assertThat(FieldExtractor.plausibleName("ACME Trading")).isTrue();
        assertThat(FieldExtractor.plausibleName("AC1ME Trading")).isFalse();
        assertThat(FieldExtractor.plausibleName("a".repeat(64) + "1")).isFalse();
    }
}
