package com.gemmavision.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Test documents made with PDFBox: invoices typeset in two layouts (cells at fixed columns, or amounts
 * right-aligned), many-page reports, encrypted PDFs, and scanned-looking images rendered from them.
 */
public final class TestPdfs {

    public enum Layout {
        COLUMNS,
        RIGHT_ALIGNED
    }

    private static final float[] COLUMNS = {50, 250, 360, 460};

    private TestPdfs() {}

    public static byte[] invoice(TestInvoices.Invoice invoice, Layout layout) {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                float y = 790;
                boolean first = true;
                for (String line : invoice.lines()) {
                    String[] cells = line.split("\\s{2,}");
                    PDType1Font font = first ? bold : regular;
                    float size = first ? 14 : 10;
                    for (int c = 0; c < cells.length; c++) {
                        float x = COLUMNS[Math.min(c, COLUMNS.length - 1)] + (c >= COLUMNS.length ? 60 * (c - 3) : 0);
                        if (layout == Layout.RIGHT_ALIGNED && c > 0) {
                            float right = cells.length == 2 ? 540 : COLUMNS[Math.min(c, 3)] + 70;
                            x = right - font.getStringWidth(cells[c]) / 1000 * size;
                        }
                        text.beginText();
                        text.setFont(font, size);
                        text.newLineAtOffset(x, y);
                        text.showText(cells[c]);
                        text.endText();
                    }
                    y -= first ? 22 : 16;
                    first = false;
                }
            }
            return bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report of many pages of prose, for limits and memory. */
    public static byte[] report(int pages) {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(font, 10);
                    text.setLeading(13);
                    text.newLineAtOffset(50, 790);
                    text.showText("Annual Report 2024, page " + p);
                    for (int l = 0; l < 50; l++) {
                        text.newLine();
                        text.showText(
                                "Revenue in segment " + l + " grew by " + (l % 9) + ".5% to EUR " + (1000 + l * 37)
                                        + " million, driven by document automation for financial services clients.");
                    }
                    text.endText();
                }
            }
            return bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encrypted(byte[] pdfBytes, String password) {
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            return bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page rendered like a scan: grey, with speckles, as PNG or JPEG. */
    public static byte[] scanned(byte[] pdfBytes, String format, int dpi) {
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.RGB);
            Random random = new Random(42);
            for (int i = 0; i < image.getWidth() * image.getHeight() / 400; i++) {
                int x = random.nextInt(image.getWidth());
                int y = random.nextInt(image.getHeight());
                int grey = 150 + random.nextInt(90);
                image.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    public static List<TestInvoices.Invoice> invoices() {
        return TestInvoices.all().toList();
    }
}
