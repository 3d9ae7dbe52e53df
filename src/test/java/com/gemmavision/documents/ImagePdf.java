package com.gemmavision.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** A PDF that holds only a picture of a page, as a scanner writes it: no text layer at all. */
public final class ImagePdf {

    private ImagePdf() {}

    public static byte[] of(byte[] jpeg) {
        return pages(1, pdf -> PDImageXObject.createFromByteArray(pdf, jpeg, "scan.jpg"));
    }

    /** How the page image is made inside the document being written. */
    public interface ImageMaker {
        PDImageXObject make(PDDocument pdf) throws IOException;
    }

    /** A PDF of {@code count} A4 pages, each drawing the one image edge to edge, as a scanner writes them. */
    public static byte[] pages(int count, ImageMaker maker) {
        try (PDDocument pdf = new PDDocument()) {
            PDImageXObject image = maker.make(pdf);
            for (int i = 0; i < count; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
