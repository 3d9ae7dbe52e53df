package com.gemmavision.web.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gemmavision.web.http.Downloads;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * A view as a PDF for a decision memo: the same fragment the page shows (its tables, its charts as vector SVG,
 * its sources and "derived" notes), under a heading with what it selects, its link and the date, laid out by
 * openhtmltopdf on PDFBox. What only works on screen (forms, buttons, download links) is left out.
 */
@Component
public class PdfReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final String FONT = "DejaVu Sans";

    /** What only works on screen. */
    private static final String SCREEN_ONLY = "form, button, input, select, textarea, script, noscript, .downloads,"
            + " .htmx-indicator, .saved-view-banner, .save-view, [hx-get][hx-trigger=load], .no-print, a[download]";

    private final RenderedFragments fragments;
    private final String css;
    private final Semaphore turns;
    private final ReportProperties properties;

    /**
     * openhtmltopdf writes five INFO lines per PDF to standard error through its own logger (stylesheet timing,
     * selector counts, font loading), past the app's logging levels: nothing for an operator to act on. Its
     * warnings and errors still print.
     */
    static {
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
    }

    PdfReports(RenderedFragments fragments, ReportProperties properties) {
        this.fragments = fragments;
        this.properties = properties;
        this.turns = new Semaphore(properties.concurrent(), true);
        this.css = resource("report/report.css");
    }

    /** The heading of a report: its title, what it shows in words, and the link that opens the same view. */
    public record Heading(String title, String selects, String link) {}

    /** A fragment of the page as a PDF attachment. */
    public ResponseEntity<byte[]> fragment(
            String filename,
            Heading heading,
            String viewName,
            Consumer<ExtendedModelMap> populator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        if (!turns.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "10")
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body("The server is busy making other PDF reports; try again in a few seconds."
                            .getBytes(StandardCharsets.UTF_8));
        }
        byte[] pdf;
        try {
            String html = fragments.render(viewName, populator, request, response);
            pdf = pdf(heading, html, OffsetDateTime.now(ZoneOffset.UTC));
        } finally {
            turns.release();
        }
        return Downloads.pdf(filename, pdf);
    }

    /**
     * Removes each column whose header is set but whose body cells are all empty (no text, no image or chart): on
     * the page they held controls. A cell spanning several columns keeps its place with one column fewer.
     */
    static void dropEmptyColumns(Element table) {
        Elements rows = table.select("tr");
        int columns = 0;
        for (Element row : rows) {
            columns = Math.max(columns, span(row.children().stream().toList(), Integer.MAX_VALUE));
        }
        for (int column = columns - 1; column >= 0; column--) {
            boolean empty = true;
            boolean body = false;
            for (Element row : rows) {
                Element cell = cellAt(row, column);
                if (cell == null
                        || cell.tagName().equals("th")
                                && row.parent() != null
                                && row.parent().tagName().equals("thead")) {
                    continue;
                }
                if (!cell.hasAttr("colspan")) {
                    body = true;
                    empty &= cell.text().isBlank() && cell.select("img, svg").isEmpty();
                }
            }
            if (!body || !empty) {
                continue;
            }
            for (Element row : rows) {
                Element cell = cellAt(row, column);
                if (cell == null) {
                    continue;
                }
                int spanned = colspan(cell);
                if (spanned > 1) {
                    cell.attr("colspan", Integer.toString(spanned - 1));
                } else {
                    cell.remove();
                }
            }
        }
    }

    private static Element cellAt(Element row, int column) {
        int at = 0;
        for (Element cell : row.children()) {
            int next = at + colspan(cell);
            if (column < next) {
                return cell;
            }
            at = next;
        }
        return null;
    }

    private static int span(List<Element> cells, int limit) {
        int total = 0;
        for (Element cell : cells) {
            total += colspan(cell);
        }
        return Math.min(total, limit);
    }

    private static int colspan(Element cell) {
        try {
            return Math.max(
                    1, Math.min(100, Integer.parseInt(cell.attr("colspan").strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Tables with more columns than this print in the smaller type of {@code table.wide} (report.css). */
    static final int WIDE_TABLE_COLUMNS = 9;

    /** The report's HTML: the heading, the fragment without its on-screen controls, and the sources. */
    Document document(Heading heading, String fragmentHtml, OffsetDateTime when) {
        Document document = Jsoup.parse("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
                + "<body><header class=\"report-head\"></header><main></main><footer class=\"report-foot\"></footer>"
                + "</body></html>");
        document.title(heading.title());
        document.head().appendElement("style").appendChild(new DataNode(css));
        Element head = document.selectFirst("header.report-head");
        head.appendElement("p").addClass("brand").text("GemmaVision-QuantAdvisor report");
        head.appendElement("h1").text(heading.title());
        head.appendElement("p").addClass("selects").text(heading.selects());
        Element meta = head.appendElement("p").addClass("meta");
        meta.appendText("Generated " + WHEN.format(when) + " · Open this view: ");
        meta.appendElement("a").attr("href", heading.link()).text(heading.link());

        Element main = document.selectFirst("main");
        main.html(fragmentHtml);
        main.select(SCREEN_ONLY).remove();
        main.select("title").remove();
        // every collapsed part of the page is part of the memo
        main.select("details").forEach(d -> d.tagName("div").addClass("details"));
        main.select("summary").forEach(s -> s.tagName("p").addClass("summary"));
        // nor MathML: a formula becomes text with its subscripts and superscripts
        main.select("math").forEach(PdfReports::mathAsText);
        // a column only a screen fills (the fields' Correct column, its forms gone) takes no room on paper
        main.select("table").forEach(PdfReports::dropEmptyColumns);
        // a table of many columns prints in a smaller type, so its columns fit the page without cutting words
        main.select("table").forEach(table -> {
            Element firstRow = table.selectFirst("tr");
            if (firstRow != null && firstRow.children().size() > WIDE_TABLE_COLUMNS) {
                table.addClass("wide");
            }
        });
        // openhtmltopdf knows no flex box: small multiples sit two to a row in inline blocks, at about their own size
        main.select(".chart.multiples > svg").forEach(svg -> svg.wrap("<div class=\"multiple\"></div>"));
        // openhtmltopdf draws an inline SVG only from the SVG namespace
        main.select("svg").forEach(svg -> svg.attr("xmlns", "http://www.w3.org/2000/svg"));

        document.selectFirst("footer.report-foot")
                .appendElement("p")
                .text("Figures: Gemma Team, Google DeepMind, Gemma 3 Technical Report, arXiv:2503.19786v1 (2025)."
                        + " Figures marked “derived” are computed by this app from the report's tables and the"
                        + " models' configuration; the page says how.");
        return document;
    }

    /**
     * A MathML formula as HTML that openhtmltopdf lays out: identifiers in italics, operators spaced, {@code msub}
     * and {@code msup} as {@code sub} and {@code sup}. The page's formulas use no more of MathML than that.
     */
    private static void mathAsText(Element math) {
        Element html = new Element("block".equals(math.attr("display")) ? "p" : "span").addClass("math");
        math.children().forEach(child -> html.appendChild(mathNode(child)));
        math.replaceWith(html);
    }

    private static Node mathNode(Element e) {
        return switch (e.tagName()) {
            case "mi" -> new Element("i").text(e.text());
            case "mo" -> new TextNode(" " + e.text() + " ");
            case "msub", "msup" -> {
                Element pair = new Element("span");
                if (e.childrenSize() == 2) {
                    pair.appendChild(mathNode(e.child(0)));
                    pair.appendElement(e.tagName().equals("msub") ? "sub" : "sup")
                            .appendChild(mathNode(e.child(1)));
                } else {
                    pair.text(e.text());
                }
                yield pair;
            }
            case "mrow", "math" -> {
                Element row = new Element("span");
                e.children().forEach(child -> row.appendChild(mathNode(child)));
                yield row;
            }
            default -> new TextNode(e.text());
        };
    }

    byte[] pdf(Heading heading, String fragmentHtml, OffsetDateTime when) {
        Document document = document(heading, fragmentHtml, when);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String face : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
                boolean bold = face.contains("Bold");
                builder.useFont(
                        () -> stream("fonts/" + face),
                        FONT,
                        bold ? 700 : 400,
                        BaseRendererBuilder.FontStyle.NORMAL,
                        true);
            }
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withW3cDocument(new W3CDom().fromJsoup(document), heading.link());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream stream(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
