package com.gemmavision.documents.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.gemmavision.documents.DocumentProperties;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Gigantic page boxes are rendered for OCR at a lower resolution, so a render stays under the pixel limit. */
class PageRenderLimitTest {

    private final DocumentProcessor processor = new DocumentProcessor(
            null,
            null,
            new DocumentProperties(
                    DataSize.ofMegabytes(25),
                    500,
                    60,
                    20,
                    300,
                    List.of("eng"),
                    "tesseract",
                    Duration.ofSeconds(60),
                    1,
                    20,
                    true,
                    Duration.ofDays(30),
                    1000,
                    60,
                    3,
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    8,
                    "",
                    Duration.ofMinutes(10),
                    DataSize.ofMegabytes(256),
                    2,
                    DataSize.ofKilobytes(16),
                    Duration.ofSeconds(10),
                    8,
                    40,
                    "tesseract",
                    ""),
            null,
            null,
            null,
            null,
            null);

    @Test
    void anA4PageIsRenderedAt300Dpi() {
        assertThat(processor.dpiFor(PDRectangle.A4)).isEqualTo(300);
    }

    @Test
    void aPosterSizedPageIsRenderedWithinSixtyMegapixels() {
        PDRectangle a0 = PDRectangle.A0;
        int dpi = processor.dpiFor(a0);
        double pixels = (a0.getWidth() / 72 * dpi) * (a0.getHeight() / 72 * dpi);

        assertThat(dpi).isLessThan(300).isGreaterThanOrEqualTo(50);
        assertThat(pixels).isLessThanOrEqualTo(60_000_000);
    }

    @Test
    void aPageTooLargeEvenAtFiftyDpiIsNotRenderedAtAll() {
        assertThat(processor.dpiFor(new PDRectangle(14_400, 14_400))).isZero();
    }
}
