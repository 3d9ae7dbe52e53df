import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gemmavision.documents.ImagePdf;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

/**
 * Pages per second of document processing, measured through the running app: upload, then poll the JSON
 * until done. Run by bench/documents.sh, which starts the app and builds the classpath.
 */
public class DocumentThroughput {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int textPages = Integer.parseInt(args[1]);
        int scannedPages = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        byte[] report = TestPdfs.report(textPages);
        byte[] scan = TestPdfs.scanned(TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS), "jpg", 300);
        byte[] scans = ImagePdf.of(scan);
        // one scanned page repeated: merge by uploading several single-page scans
        measure(http, base, "text-layer", report, textPages);
        long start = System.nanoTime();
        for (int i = 0; i < scannedPages; i++) {
            run(http, base, "scan-" + i + ".pdf", scans);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("OCR (300 dpi, 6 languages): %d pages in %.1f s = %.2f pages/s%n", scannedPages, seconds,
                scannedPages / seconds);
    }

    private static void measure(HttpClient http, String base, String label, byte[] pdf, int pages) throws Exception {
        long start = System.nanoTime();
        run(http, base, label + ".pdf", pdf);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("text layer: %d pages in %.1f s = %.1f pages/s (upload, extraction, fields and tables)%n",
                pages, seconds, pages / seconds);
    }

    private static void run(HttpClient http, String base, String name, byte[] pdf) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        token.find();
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String upload = http.send(HttpRequest.newBuilder(URI.create(base + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token.group(1)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(upload);
        if (!id.find()) {
            throw new IllegalStateException("upload refused: " + upload);
        }
        while (true) {
            String json = http.send(HttpRequest.newBuilder(URI.create(base + "/documents/" + id.group(1) + ".json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (json.contains("\"status\":\"done\"")) {
                return;
            }
            if (json.contains("\"status\":\"failed\"")) {
                throw new IllegalStateException("processing failed: " + json.substring(0, Math.min(300, json.length())));
            }
            Thread.sleep(50);
        }
    }
}
