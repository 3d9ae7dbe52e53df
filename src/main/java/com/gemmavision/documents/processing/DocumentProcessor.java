package com.gemmavision.documents.processing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.documents.DecodeBudget;
import com.gemmavision.documents.DocumentKind;
import com.gemmavision.documents.DocumentProperties;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.PixelDecoder;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.ExtractedTable;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.extraction.TableDetector;
import com.gemmavision.documents.extraction.Transactions;
import com.gemmavision.documents.extraction.XmlTree;
import com.gemmavision.documents.intake.DocumentContent;
import com.gemmavision.documents.intake.PdfPasswords;
import com.gemmavision.documents.intake.TempFiles;
import com.gemmavision.documents.text.LayoutTextStripper;
import com.gemmavision.documents.text.Ocr;
import com.gemmavision.documents.text.PageImages;
import com.gemmavision.documents.text.PageText;
import com.gemmavision.tokens.GemmaTokenizer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one claimed document: reads each PDF page's text layer (PDFBox), renders and OCRs pages without a
 * usable one and images (Tesseract), then finds key fields and tables.
 *
 * <p>Memory is bounded by one page: the bytes are streamed from the database into a temporary file that PDFBox
 * reads with random access; each page's images are measured from their dictionaries before anything is decoded
 * and a page whose image is over the limit is not rendered (its text layer is kept, with a note); renders are
 * sized from the page box and images are subsampled while decoding. Each page is saved as it is read, so a run
 * can stop (the user cancels, or another user's document is waiting) and resume after the last saved page.
 * Whatever goes wrong ends as the document's failure, in words, never a loop: an {@code OutOfMemoryError} or a
 * {@code StackOverflowError} included.
 */
@Component
public class DocumentProcessor {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    private final DocumentRepository repository;
    private final DocumentContent content;
    private final DocumentProperties properties;
    private final Ocr ocr;
    private final PdfPasswords passwords;
    private final Checkpoint checkpoint;
    private final GemmaTokenizer tokenizer;
    /** Every render and decode reserves its memory here first, so none can take the process down. */
    private final PixelDecoder decoder;

    private final FieldExtractor fields = new FieldExtractor();
    private final TableDetector tables = new TableDetector();

    public DocumentProcessor(
            DocumentRepository repository,
            DocumentContent content,
            DocumentProperties properties,
            Ocr ocr,
            PdfPasswords passwords,
            Checkpoint checkpoint,
            GemmaTokenizer tokenizer,
            PixelDecoder decoder) {
        this.decoder = decoder;
        this.checkpoint = checkpoint;
        this.tokenizer = tokenizer;
        this.repository = repository;
        this.content = content;
        this.properties = properties;
        this.ocr = ocr;
        this.passwords = passwords;
    }

    /**
     * The pages' text tokens, counted page by page with Gemma 3's tokenizer (a document finishing right after
     * start-up waits the few seconds it takes to load); null when it cannot load.
     */
    private Long textTokens(List<PageText> pages) {
        if (!tokenizer.awaitReady()) {
            return null; // it could not load: the pages say "estimate"
        }
        long total = 0;
        for (PageText page : pages) {
            OptionalLong count = tokenizer.count(page.text());
            if (count.isEmpty()) {
                return null;
            }
            total += count.getAsLong();
        }
        return total;
    }

    /** Thrown between pages when the user cancelled. */
    private static final class Cancelled extends Exception {}

    /** Thrown between pages when the run gives way to another user's document. */
    private static final class GaveWay extends Exception {}

    /** A failure whose message is written for the user. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** One run of a claimed document, from the page after those already read. */
    private final class Run {
        final StoredDocument document;
        final DocumentRepository.Claim claim;
        final String instance;
        final long turnEnds;
        final long started = System.nanoTime();
        int page;
        EInvoiceXml.Invoice xml;
        /** The language OCR found on an earlier page of this run, so later pages are read in it straight away. */
        String language;

        Run(StoredDocument document, DocumentRepository.Claim claim, String instance) {
            this.document = document;
            this.claim = claim;
            this.instance = instance;
            this.turnEnds = System.nanoTime() + properties.turn().toNanos();
        }

        String id() {
            return document.id();
        }

        void stage(double progress, String stage) throws Cancelled {
            if (!repository.progress(id(), progress, stage)) {
                throw new Cancelled();
            }
        }

        void saved(PageText text, int pageCount) throws GaveWay {
            repository.savePageDone(id(), text);
            if (text.pageNumber() < pageCount
                    && System.nanoTime() > turnEnds
                    && repository.othersWaiting(document.owner())
                    && repository.yieldTurn(id(), instance, text.pageNumber(), pageCount)) {
                throw new GaveWay();
            }
        }
    }

    public void process(DocumentRepository.Claim claim, String instance) {
        StoredDocument document = repository.find(claim.id()).orElse(null);
        if (document == null) {
            return;
        }
        Run run = new Run(document, claim, instance);
        try {
            if (claim.pagesDone() == 0) {
                repository.clearResults(run.id());
            } else {
                repository.dropPagesAfter(run.id(), claim.pagesDone());
            }
            try (DocumentContent.Spooled file = content.spool(run.id())) {
                if (document.kind() == DocumentKind.PDF) {
                    readPdf(run, file.file());
                } else if (document.kind() == DocumentKind.XML) {
                    readXml(run, file.file());
                } else {
                    readImage(run, file.file());
                }
            }
            List<PageText> pages = repository.pages(run.id());
            run.stage(0.92, "Extracting fields");
            List<PageText> visible = document.kind() == DocumentKind.XML ? List.of() : pages;
            FieldExtractor.Reading reading = fields.read(visible, run.xml);
            Map<String, ExtractedField> found = new LinkedHashMap<>(reading.stated());
            Map<String, ExtractedField> unsure = new LinkedHashMap<>(reading.unsure());
            for (DocumentRepository.Correction correction : repository.corrections(run.id())) {
                found.remove(correction.name());
                unsure.remove(correction.name());
                if (correction.value() != null) {
                    found.put(
                            correction.name(),
                            FieldCorrections.corrected(
                                    correction.name(), correction.value(), correction.previous(), correction.when()));
                }
            }
            repository.saveFields(run.id(), found.values());
            repository.saveUnsureFields(run.id(), unsure.values());
            if (run.xml != null) {
                repository.saveLineItems(run.id(), run.xml.lineItems());
            }
            ExtractedField type = found.get("documentType");
            if (type != null && type.value().equals("bank statement")) {
                repository.saveTransactions(run.id(), Transactions.extract(pages));
            }
            run.stage(0.96, "Finding tables");
            for (ExtractedTable table : tables.detect(pages)) {
                repository.saveTable(run.id(), table, csv(table.rows()));
            }
            run.stage(0.98, "Counting tokens");
            repository.saveTextTokens(run.id(), textTokens(pages));
            finish(run, DocumentStatus.DONE, summary(pages), false);
        } catch (Cancelled e) {
            log.info("Processing of {} cancelled", run.id());
        } catch (GaveWay e) {
            log.debug("Processing of {} gave way after page {}", run.id(), run.page);
        } catch (InterruptedException e) {
            // the instance is stopping while this run waited for decoding memory: its claim is released on stop
            Thread.currentThread().interrupt();
            log.info("Processing of {} stopped while waiting for decoding memory", run.id());
        } catch (DecodeBudget.TooLarge e) {
            fail(run, "Could not be processed: " + e.getMessage());
        } catch (InvalidPasswordException e) {
            finish(run, DocumentStatus.FAILED, "This PDF is encrypted: enter its password to read it.", true);
        } catch (Unreadable e) {
            fail(run, "Could not be processed: " + e.getMessage());
        } catch (IOException e) {
            log.warn("Processing of {} failed at page {}: {}", run.id(), run.page, e.toString());
            fail(
                    run,
                    "Could not be processed: the file is damaged or uses a feature this server cannot read" + where(run)
                            + ".");
        } catch (OutOfMemoryError e) {
            log.warn("Processing of {} ran out of memory at page {}", run.id(), run.page);
            fail(
                    run,
                    "Could not be processed: reading it" + where(run) + " needs more memory than the server gives"
                            + " one document. Try a smaller file or a lower resolution.");
        } catch (StackOverflowError e) {
            log.warn("Processing of {} overflowed the stack at page {}", run.id(), run.page);
            fail(run, "Could not be processed: its internal structure is nested too deeply to read safely.");
        } catch (RuntimeException | Error e) {
            if (e instanceof RuntimeException && thrownByPdfBox(e)) {
                // PDFBox refusing the file's structure (a page tree that contains itself, say): the file's fault
                log.warn("Processing of {} stopped at page {}: {}", run.id(), run.page, e.toString());
                fail(
                        run,
                        "Could not be processed: the file is damaged"
                                + (e.getMessage() != null && e.getMessage().contains("recursion")
                                        ? " (its page list refers to itself)"
                                        : "")
                                + where(run) + ".");
                return;
            }
            // Any other Error too (an InternalError from a decoder, an assertion): the document fails in words and
            // the worker carries on. A JVM started with -XX:+ExitOnOutOfMemoryError never gets here for an
            // OutOfMemoryError: it exits, and the claim's attempt count ends the document after max-attempts.
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Processing of {} failed unexpectedly (reference {})", run.id(), reference, e);
            fail(run, "Could not be processed: an unexpected error (reference " + reference + " in the server log).");
        }
    }

    /** Whether an exception comes from inside PDFBox reading the file, not from our code. */
    private static boolean thrownByPdfBox(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.apache.pdfbox.");
    }

    private void fail(Run run, String message) {
        finish(run, DocumentStatus.FAILED, message, false);
    }

    /** The run's end, written to disk at once: a crash right after must not send a finished document round again. */
    private void finish(Run run, DocumentStatus status, String message, boolean needsPassword) {
        repository.finish(run.id(), status, message, needsPassword);
        checkpoint.now();
        logOutcome(run, status, needsPassword);
    }

    /**
     * One line per document processed, for the operator: its id, its pages by route (text layer, OCR, XML), the
     * seconds this run took and the outcome. Never its name, text or fields: those are the user's.
     */
    private void logOutcome(Run run, DocumentStatus status, boolean needsPassword) {
        Map<String, Integer> sources = repository.pageSources(run.id());
        int pages = sources.values().stream().mapToInt(Integer::intValue).sum();
        String route = sources.isEmpty()
                ? "no pages read"
                : sources.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        log.info(
                "Document {} {}: {} {} ({}), {} s{}",
                run.id(),
                status.code(),
                pages,
                pages == 1 ? "page" : "pages",
                route,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - run.started) / 1e9),
                needsPassword ? ", waits for its password" : "");
    }

    private static String where(Run run) {
        return run.page > 0 ? " (page " + run.page + ")" : "";
    }

    /** What the user should know about pages that have less than they could, or null. */
    private static String summary(List<PageText> pages) {
        List<String> notes = pages.stream()
                .filter(p -> p.note() != null)
                .map(PageText::note)
                .distinct()
                .toList();
        if (notes.isEmpty()) {
            return null;
        }
        long affected = pages.stream().filter(p -> p.note() != null).count();
        return (affected == 1 ? "1 page: " : affected + " pages: ") + String.join(" ", notes);
    }

    private String password(String id) {
        return repository.sealedPassword(id).flatMap(passwords::open).orElse("");
    }

    private void readPdf(Run run, Path file) throws IOException, Cancelled, GaveWay, InterruptedException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), password(run.id()), null, null, TempFiles.pdfScratch())) {
            int count = pdf.getNumberOfPages();
            if (count <= 0) {
                throw new Unreadable("the PDF has no pages (or a damaged page list).");
            }
            if (count > properties.maxPages()) {
                throw new Unreadable("it has " + count + " pages; the limit is " + properties.maxPages() + ".");
            }
            repository.pageCount(run.id(), count);
            run.xml = EInvoiceXml.attachedTo(pdf).orElse(null);
            LayoutTextStripper stripper = new LayoutTextStripper();
            PDFRenderer renderer = new PDFRenderer(pdf);
            renderer.setSubsamplingAllowed(true);
            for (int i = run.claim.pagesDone(); i < count; i++) {
                int number = i + 1;
                run.page = number;
                run.stage(0.9 * i / count, "Reading page " + number + " of " + count);
                PDPage pdfPage = pdf.getPage(i);
                PDRectangle box = pdfPage.getMediaBox();
                int dpi = dpiFor(box);
                int width = (int) Math.round(box.getWidth() / 72 * properties.ocrDpi());
                int height = (int) Math.round(box.getHeight() / 72 * properties.ocrDpi());
                String text = stripper.pageText(pdf, number);
                PageText page;
                if (text.replaceAll("\\s", "").length() >= properties.minTextLayerChars()) {
                    page = new PageText(number, PageText.TextSource.TEXT_LAYER, text, null, width, height);
                } else {
                    // the page's images are measured once, for the resolution, the refusal and the reservation
                    PageImages.Size largest = PageImages.largest(pdfPage);
                    dpi = fittingDpi(pdfPage, dpi, largest);
                    String refusal = renderRefusal(pdfPage, dpi, largest);
                    if (refusal != null) {
                        page = new PageText(number, PageText.TextSource.NONE, text, null, width, height, refusal);
                    } else {
                        run.stage(0.9 * (i + 0.5) / count, "OCR page " + number + " of " + count);
                        Ocr.Result result;
                        try (DecodeBudget.Reservation held = decoder.forPage(pdfPage, dpi, number, largest)) {
                            BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                            Ocr.Reading reading = ocr.read(image, run.language);
                            run.language = reading.language();
                            result = reading.result();
                        }
                        page = new PageText(
                                number,
                                PageText.TextSource.OCR,
                                result.text(),
                                result.confidence(),
                                width,
                                height,
                                null,
                                result.lineConfidences());
                    }
                }
                run.saved(page, count);
            }
        }
    }

    /**
     * The resolution a page is rendered at for OCR: the one asked, lowered (to no less than 100 dpi) until what the
     * render holds fits the decoding budget; 0 when even that does not fit.
     */
    private int fittingDpi(PDPage page, int dpi, PageImages.Size largest) {
        int fitting = dpi;
        while (fitting >= 100 && !decoder.pageFits(page, fitting, largest)) {
            fitting = (int) Math.floor(fitting * 0.85);
        }
        return fitting >= 100 || fitting == dpi ? fitting : -dpi;
    }

    /** Why a page without a text layer is not rendered for OCR, or null when it can be. */
    private String renderRefusal(PDPage page, int dpi, PageImages.Size image) {
        if (!ocr.available()) {
            return "No text layer, and Tesseract is not installed on this server, so there is no OCR.";
        }
        if (dpi == 0) {
            PDRectangle box = page.getMediaBox();
            return String.format(
                    Locale.ROOT,
                    "No text layer, and the page is too large to render for OCR" + " (%.0f × %.0f cm).",
                    box.getWidth() / 72 * 2.54,
                    box.getHeight() / 72 * 2.54);
        }
        if (image.pixels() > properties.maxPageImagePixels()) {
            return String.format(
                    Locale.ROOT,
                    "No text layer, and its image of %,d × %,d pixels is above the %s-megapixel"
                            + " limit for one page, so it was not decoded.",
                    image.width(),
                    image.height(),
                    megapixels(properties.maxPageImageMegapixels()));
        }
        if (dpi < 0) {
            return String.format(
                    Locale.ROOT,
                    "No text layer, and rendering it for OCR at even 100 dpi needs more than the %s this server"
                            + " allows for decoding, so it was not rendered.",
                    DecodeBudget.megabytes(decoder.budget().capacity()));
        }
        return null;
    }

    private static String megapixels(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
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

    /** A standalone e-invoice: its XML is the document; the page is its text, for token counts and reading. */
    private void readXml(Run run, Path file) throws IOException, Cancelled, GaveWay {
        repository.pageCount(run.id(), 1);
        run.page = 1;
        run.stage(0.5, "Reading the e-invoice XML");
        if (Files.size(file) > EInvoiceXml.MAX_BYTES) {
            throw new Unreadable("the XML is larger than " + EInvoiceXml.MAX_BYTES / (1024 * 1024) + " MB.");
        }
        byte[] xml = Files.readAllBytes(file);
        try {
            run.xml = EInvoiceXml.read(xml);
        } catch (XmlTree.Refused e) {
            throw new Unreadable("the XML cannot be read: " + e.getMessage());
        }
        if (run.xml == null) {
            throw new Unreadable("the XML is not a UBL or CII e-invoice.");
        }
        String text = new String(xml, StandardCharsets.UTF_8);
        run.saved(
                new PageText(
                        1,
                        PageText.TextSource.XML,
                        text.length() > 200_000 ? text.substring(0, 200_000) : text,
                        null,
                        null,
                        null),
                1);
    }

    private void readImage(Run run, Path file) throws IOException, Cancelled, GaveWay, InterruptedException {
        StoredDocument document = run.document;
        repository.pageCount(run.id(), 1);
        run.page = 1;
        run.stage(0.1, "OCR page 1 of 1");
        if (!ocr.available()) {
            run.saved(
                    new PageText(
                            1,
                            PageText.TextSource.NONE,
                            "",
                            null,
                            document.widthPx(),
                            document.heightPx(),
                            "Tesseract is not installed on this server, so the image has no text (no OCR)."),
                    1);
            return;
        }
        try (PixelDecoder.Decoded decoded = decoder.forOcr(file)) {
            BufferedImage image = decoded.image();
            Ocr.Result result = ocr.read(image);
            run.saved(
                    new PageText(
                            1,
                            PageText.TextSource.OCR,
                            result.text(),
                            result.confidence(),
                            image.getWidth(),
                            image.getHeight(),
                            decoded.note(),
                            result.lineConfidences()),
                    1);
        }
    }

    static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
