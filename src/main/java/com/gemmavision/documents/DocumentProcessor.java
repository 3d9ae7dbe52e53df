package com.gemmavision.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one claimed document: reads each PDF page's text layer (PDFBox), renders and OCRs pages without a
 * usable one and images (Tesseract), then finds key fields and tables. Writes each page as it goes, so memory
 * stays bounded by one page and the progress bar moves; stops between pages when the user cancels.
 */
@Component
public class DocumentProcessor {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    private final DocumentRepository repository;
    private final DocumentProperties properties;
    private final Ocr ocr;
    private final FieldExtractor fields = new FieldExtractor();
    private final TableDetector tables = new TableDetector();

    public DocumentProcessor(DocumentRepository repository, DocumentProperties properties, Ocr ocr) {
        this.repository = repository;
        this.properties = properties;
        this.ocr = ocr;
    }

    /** Thrown between pages when the user cancelled. */
    private static final class Cancelled extends Exception {
    }

    public void process(String id) {
        StoredDocument document = repository.find(id).orElse(null);
        if (document == null) {
            return;
        }
        try {
            repository.clearResults(id);
            List<PageText> pages = document.kind() == DocumentKind.PDF ? readPdf(document) : readImage(document);
            stage(id, 0.92, "Extracting fields");
            Map<String, ExtractedField> found = fields.extract(pages);
            repository.saveFields(id, found.values());
            stage(id, 0.96, "Finding tables");
            for (ExtractedTable table : tables.detect(pages)) {
                repository.saveTable(id, table, csv(table.rows()));
            }
            String note = pages.stream().anyMatch(p -> p.source() == PageText.TextSource.NONE)
                    ? "Some pages have no text layer and Tesseract is not installed on the server, so they have no text."
                    : null;
            repository.finish(id, DocumentStatus.DONE, note, false);
        } catch (Cancelled e) {
            log.info("Processing of {} cancelled", id);
        } catch (InvalidPasswordException e) {
            repository.finish(id, DocumentStatus.FAILED, "This PDF is encrypted: enter its password to read it.", true);
        } catch (IOException | RuntimeException e) {
            log.warn("Processing of {} failed: {}", id, e.toString());
            repository.finish(id, DocumentStatus.FAILED, "Could not read this file: " + describe(e), false);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private void stage(String id, double progress, String stage) throws Cancelled {
        if (repository.cancelled(id)) {
            throw new Cancelled();
        }
        repository.progress(id, progress, stage);
    }

    private List<PageText> readPdf(StoredDocument document) throws IOException, Cancelled {
        String id = document.id();
        String password = repository.password(id).orElse("");
        try (PDDocument pdf = Loader.loadPDF(repository.content(id), password, null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            int count = pdf.getNumberOfPages();
            if (count > properties.maxPages()) {
                throw new IOException("it has " + count + " pages; the limit is " + properties.maxPages());
            }
            repository.pageCount(id, count);
            LayoutTextStripper stripper = new LayoutTextStripper();
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<PageText> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int number = i + 1;
                stage(id, 0.9 * i / count, "Reading page " + number + " of " + count);
                PDRectangle box = pdf.getPage(i).getMediaBox();
                int dpi = dpiFor(box);
                int width = (int) Math.round(box.getWidth() / 72 * properties.ocrDpi());
                int height = (int) Math.round(box.getHeight() / 72 * properties.ocrDpi());
                String text = stripper.pageText(pdf, number);
                PageText page;
                if (text.replaceAll("\\s", "").length() >= properties.minTextLayerChars()) {
                    page = new PageText(number, PageText.TextSource.TEXT_LAYER, text, null, width, height);
                } else if (ocr.available() && dpi > 0) {
                    stage(id, 0.9 * (i + 0.5) / count, "OCR page " + number + " of " + count);
                    BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                    Ocr.Result result = ocr.read(image);
                    page = new PageText(number, PageText.TextSource.OCR, result.text(), result.confidence(), width, height);
                } else {
                    page = new PageText(number, PageText.TextSource.NONE, text, null, width, height);
                }
                repository.savePage(id, page);
                pages.add(page);
            }
            return pages;
        }
    }

    /** The OCR resolution for a page, lowered for gigantic page boxes so a render stays under the pixel limit. */
    int dpiFor(PDRectangle box) {
        double inches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        double dpi = properties.ocrDpi();
        if (inches * dpi * dpi > properties.maxPixels()) {
            dpi = Math.floor(Math.sqrt(properties.maxPixels() / inches));
        }
        return dpi < 50 ? 0 : (int) dpi;
    }

    private List<PageText> readImage(StoredDocument document) throws IOException, Cancelled {
        String id = document.id();
        repository.pageCount(id, 1);
        stage(id, 0.1, "OCR page 1 of 1");
        if (!ocr.available()) {
            PageText none = new PageText(1, PageText.TextSource.NONE, "", null, document.widthPx(), document.heightPx());
            repository.savePage(id, none);
            return List.of(none);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(repository.content(id)));
        if (image == null) {
            throw new IOException("the image could not be decoded");
        }
        Ocr.Result result = ocr.read(image);
        PageText page = new PageText(1, PageText.TextSource.OCR, result.text(), result.confidence(), image.getWidth(),
                image.getHeight());
        repository.savePage(id, page);
        return List.of(page);
    }

    static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
