package com.gemmavision.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.gemmavision.AppClient;
import com.gemmavision.documents.DocumentPolling;
import com.gemmavision.documents.EInvoices;
import com.gemmavision.documents.HostileFiles;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile cases of an operator's bad day, against the packaged app in its own JVM at {@code -Xmx512m} on an
 * H2 file database: big scans uploaded at once, an image bomb and a 20,000-level page tree, {@code kill -9}
 * right after an upload is acknowledged, a worker killed mid-run, one user's backlog in front of another's
 * one-page document, parallel uploads racing the document limit, and 220 stalled uploads. Each case is bounded
 * in time; OCR cases need Tesseract (skipped locally without it, required under CI).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ChaosIT {

    @TempDir
    Path data;

    private AppProcess app;

    @BeforeEach
    void jarIsThere() {
        if (AppProcess.jar() == null) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "CI must run these after the package phase");
            Assumptions.abort("no packaged jar in target/: run through mvn verify");
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void needsTesseract() {
        boolean present;
        try {
            Process process = new ProcessBuilder("tesseract", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            present = process.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (System.getenv("CI") != null && !present) {
            throw new IllegalStateException("CI must install tesseract-ocr (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "Tesseract is not installed");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return DocumentPolling.json(response);
    }

    private static String uploadOne(AppClient client, String name, byte[] file) {
        HttpResponse<String> response = client.upload("/documents", Map.of(name, file), "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("accepted").get(0).get("id").asString();
    }

    private static JsonNode document(AppClient client, String id) {
        return json(client.get("/documents/" + id + ".json"));
    }

    private static JsonNode waitFor(AppClient client, String id, Predicate<JsonNode> until, Duration within) {
        return DocumentPolling.waitFor(client, id, until, within);
    }

    private static boolean finished(JsonNode document) {
        return DocumentPolling.finished(document);
    }

    @Test
    void anUploadAcknowledgedWith201AndAChangedSelectionAreThereAfterKill9RightAfterThem() {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        for (int trial = 0; trial < 2; trial++) {
            String id = uploadOne(
                    client,
                    "invoice-" + trial + ".pdf",
                    // a different file each trial: the same one twice would be kept once
                    TestPdfs.invoice(trial == 0 ? TestInvoices.ENGLISH : TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS));
            app.kill();
            app.start();
            client = client.withPort(app.port());
            HttpResponse<String> after = client.get("/documents/" + id + ".json");
            assertThat(after.statusCode())
                    .as("document of trial %d after kill -9", trial)
                    .isEqualTo(200);
            assertThat(json(after).get("filename").asString()).isEqualTo("invoice-" + trial + ".pdf");
        }
        assertThat(json(client.get("/documents.json"))).hasSize(2);

        client.get("/?model=Gemma3-12B-IT&quant=sfp8&kv=true", "HX-Request", "true");
        app.kill();
        app.start();
        client = client.withPort(app.port());
        assertThat(client.get("/").uri().getQuery())
                .as("the selection changed right before kill -9")
                .startsWith("model=Gemma3-12B-IT&quant=sfp8&kv=true");
    }

    @Test
    void fiveConcurrentBigScansLeaveTheDatabaseUpAndTheAppRestartable() throws Exception {
        // As in production: -XX:+ExitOnOutOfMemoryError. Every render reserves its raster, its largest image and
        // OCR's copies from one decoding budget first, so five 35-megapixel scans wait their turn instead of
        // meeting in the heap.
        app = new AppProcess(data).start();
        byte[] scan = HostileFiles.bigScan(7, 4960, 7016);
        assertThat(scan.length).isBetween(17_000_000, 25_000_000);
        List<AppClient> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(new AppClient(app.port()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<String>> ids = new ArrayList<>();
        for (AppClient user : users) {
            ids.add(pool.submit(() -> uploadOne(user, "scan.pdf", scan)));
        }
        List<String> accepted = new ArrayList<>();
        for (Future<String> id : ids) {
            accepted.add(id.get());
        }
        pool.shutdown();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            assertThat(app.healthStatus()).as(app.tail()).isEqualTo(200);
            assertThat(users.get(4).get("/documents.json").statusCode()).isEqualTo(200);
            AppProcess.sleep(1000);
        }
        app.kill();
        app.start();
        for (int i = 0; i < 5; i++) {
            AppClient user = users.get(i).withPort(app.port());
            assertThat(document(user, accepted.get(i)).get("filename").asString())
                    .isEqualTo("scan.pdf");
        }
        assertThat(app.logText()).doesNotContain("OutOfMemoryError").doesNotContain("MVStoreException");
    }

    @Test
    void aSmallPngThatDecodesToHalfAGigabyteIsReadBesideAnotherUsersScanWithoutTheServerExiting() {
        needsTesseract();
        app = new AppProcess(data).start();
        AppClient attacker = new AppClient(app.port());
        AppClient other = new AppClient(app.port());
        byte[] deep = HostileFiles.deepPng(7745);
        assertThat(deep.length).isLessThan(600_000);
        String scan = uploadOne(other, "scan.pdf", HostileFiles.bigScan(2, 4960, 7016));
        String png = uploadOne(attacker, "deep.png", deep);

        JsonNode pngDone = waitFor(attacker, png, ChaosIT::finished, Duration.ofSeconds(150));
        JsonNode scanDone = waitFor(other, scan, ChaosIT::finished, Duration.ofSeconds(150));
        assertThat(scanDone.get("status").asString()).as(app.tail()).isEqualTo("done");
        assertThat(pngDone.get("status").asString()).as(app.tail()).isEqualTo("done");
        assertThat(pngDone.get("pages").get(0).get("note").asString())
                .startsWith("Read at 1/")
                .contains("for decoding");
        assertThat(app.healthStatus()).isEqualTo(200);
        assertThat(app.logText()).doesNotContain("OutOfMemoryError").doesNotContain("is read alone");
    }

    @Test
    void anImageBombAndADeepPageTreeEndWithAMessageAndStayEndedAcrossRestarts() {
        needsTesseract();
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        String bomb = uploadOne(client, "bomb.pdf", HostileFiles.imageBomb(25_000));
        String deep = uploadOne(client, "deep.pdf", HostileFiles.deepPageTree(20_000));

        JsonNode bombDone = waitFor(client, bomb, ChaosIT::finished, Duration.ofSeconds(60));
        JsonNode deepDone = waitFor(client, deep, ChaosIT::finished, Duration.ofSeconds(60));
        assertThat(bombDone.get("status").asString()).isEqualTo("done");
        assertThat(bombDone.get("pages").get(0).get("note").asString()).contains("25,000 × 25,000 pixels");
        assertThat(bombDone.get("error").asString()).contains("not decoded");
        if (deepDone.get("status").asString().equals("failed")) {
            assertThat(deepDone.get("error").asString())
                    .startsWith("Could not be processed: ")
                    .doesNotContain("Exception")
                    .doesNotContain("java.");
        }
        assertThat(app.healthStatus()).isEqualTo(200);

        app.kill();
        app.start();
        AppClient again = client.withPort(app.port());
        AppProcess.sleep(2000);
        assertThat(document(again, bomb).get("status").asString()).isEqualTo("done");
        assertThat(document(again, deep).get("status").asString())
                .isEqualTo(deepDone.get("status").asString());
    }

    @Test
    void aDocumentWhoseWorkerWasKilledIsQueuedAgainWhenItsClaimExpiresAndFinishes() {
        needsTesseract();
        app = new AppProcess(data, "--gemmavision.documents.claim-timeout=3s", "--gemmavision.documents.heartbeat=1s")
                .start();
        AppClient client = new AppClient(app.port());
        String id = uploadOne(client, "statement.pdf", HostileFiles.longScan(4));
        waitFor(client, id, d -> d.get("status").asString().equals("running"), Duration.ofSeconds(30));
        app.kill();
        app.start();
        client = client.withPort(app.port());
        JsonNode done = waitFor(client, id, ChaosIT::finished, Duration.ofSeconds(90));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("pages")).hasSize(4);
    }

    @Test
    void documentsRunningWhenTheServerDiedAreRetriedOneAtATimeAndNeitherIsChargedForTheOther() {
        needsTesseract();
        app = new AppProcess(data, "--gemmavision.documents.claim-timeout=3s", "--gemmavision.documents.heartbeat=1s")
                .start();
        AppClient first = new AppClient(app.port());
        AppClient second = new AppClient(app.port());
        String one = uploadOne(first, "statement.pdf", HostileFiles.longScan(4));
        String two = uploadOne(second, "ledger.pdf", HostileFiles.longScan(5));
        waitFor(first, one, d -> d.get("status").asString().equals("running"), Duration.ofSeconds(30));
        waitFor(second, two, d -> d.get("status").asString().equals("running"), Duration.ofSeconds(30));
        // three deaths beside each other: under the old rule both would now have failed for good
        for (int death = 0; death < 3; death++) {
            app.kill();
            app.start();
            first = first.withPort(app.port());
            second = second.withPort(app.port());
            AppClient a = first;
            AppClient b = second;
            if (death < 2) {
                waitFor(a, one, d -> !d.get("status").asString().equals("queued"), Duration.ofSeconds(30));
                AppProcess.sleep(500);
            }
            assertThat(document(a, one).get("status").asString()).isNotEqualTo("failed");
            assertThat(document(b, two).get("status").asString()).isNotEqualTo("failed");
        }
        JsonNode oneDone = waitFor(first, one, ChaosIT::finished, Duration.ofSeconds(120));
        JsonNode twoDone = waitFor(second, two, ChaosIT::finished, Duration.ofSeconds(120));
        assertThat(oneDone.get("status").asString()).isEqualTo("done");
        assertThat(twoDone.get("status").asString()).isEqualTo("done");
        assertThat(app.logText()).contains("is read alone: its last run stopped with the server");
    }

    @Test
    void anotherUsersOnePageDocumentFinishesWithin45SecondsBehindTwo500PageScans() {
        needsTesseract();
        app = new AppProcess(data).start();
        AppClient busy = new AppClient(app.port());
        // two different scans: the same file twice would be recognised and kept once
        uploadOne(busy, "archive-1.pdf", HostileFiles.longScan(500));
        uploadOne(busy, "archive-2.pdf", HostileFiles.longScan(499));
        AppProcess.sleep(3000);

        AppClient other = new AppClient(app.port());
        Instant uploaded = Instant.now();
        String id = uploadOne(other, "invoice.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        JsonNode done = waitFor(other, id, ChaosIT::finished, Duration.ofSeconds(45));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(Duration.between(uploaded, Instant.now())).isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void parallelUploadsOfOneUserCannotOvershootTheDocumentLimit() throws Exception {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        byte[] pdf = TestPdfs.report(1);
        uploadOne(client, "first.pdf", pdf);
        Map<String, byte[]> twenty = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            // twenty different files (the same bytes twice are kept once)
            twenty.put("file-" + i + ".pdf", TestPdfs.report(i + 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            uploads.add(() -> client.upload("/documents", twenty, "Accept", "application/json")
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(uploads)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        // 429: one address sends at most concurrent-uploads-per-client (8) bodies at once
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 429 || s == 503);
        assertThat(json(client.get("/documents.json"))).hasSize(20);
    }

    @Test
    void twoHundredTwentyStalledUploadsLeaveHealthAndPagesAnswering() throws Exception {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        client.get("/");
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) {
                Socket socket = new Socket("localhost", app.port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data;"
                                + " boundary=xyz\r\nContent-Length: 1048576\r\n\r\n--xyz\r\nContent-Disposition: form-data;"
                                + " name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            AppProcess.sleep(500);
            Instant end = Instant.now().plus(Duration.ofSeconds(8));
            while (Instant.now().isBefore(end)) {
                Instant start = Instant.now();
                assertThat(app.healthStatus()).isEqualTo(200);
                assertThat(client.get("/?model=Gemma3-1B").statusCode()).isEqualTo(200);
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
                AppProcess.sleep(500);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aPdfWhoseAttachmentInflatesToAGigabyteIsReadWithoutItAndTheServerStaysUpAcrossARestart() {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        byte[] bomb = EInvoices.pdfWithAttachmentBomb(TestPdfs.report(3), 1024);
        String id = uploadOne(client, "factur-x-bomb.pdf", bomb);

        Instant start = Instant.now();
        JsonNode done = waitFor(client, id, ChaosIT::finished, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("fields").get("evidence").toString()).doesNotContain("embedded XML");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(app.alive()).isTrue();
        assertThat(app.healthStatus()).isEqualTo(200);
        assertThat(new AppClient(app.port()).get("/?model=Gemma3-4B").statusCode())
                .isEqualTo(200);
        assertThat(app.logText()).doesNotContain("OutOfMemoryError");

        app.kill();
        app.start();
        AppProcess.sleep(2000);
        assertThat(app.healthStatus()).isEqualTo(200);
        assertThat(document(client.withPort(app.port()), id).get("status").asString())
                .isEqualTo("done");
    }

    @Test
    void hostileXmlIsAnsweredAtOnceAndReadByAWorkerWhileAnotherUserUploads() {
        app = new AppProcess(data).start();
        AppClient hostile = new AppClient(app.port());
        byte[] wide = EInvoices.ciiWithManyNamespacesAndLines(9_000, 500).getBytes(StandardCharsets.UTF_8);
        byte[] deep = EInvoices.deeplyNested(100_000).getBytes(StandardCharsets.UTF_8);
        // a first upload loads the classes every upload uses; the times below are those of a running server
        uploadOne(hostile, "warm-up.xml", EInvoices.ubl().getBytes(StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant start = Instant.now();
            // four different files: the same bytes twice would be kept once
            byte[] file =
                    EInvoices.ciiWithManyNamespacesAndLines(9_000 + i, 500).getBytes(StandardCharsets.UTF_8);
            ids.add(uploadOne(hostile, "wide-" + i + ".xml", file));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
        }
        String deepId = uploadOne(hostile, "deep.xml", deep);

        AppClient other = new AppClient(app.port());
        Instant start = Instant.now();
        uploadOne(other, "invoice.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));

        for (String id : ids) {
            JsonNode done = waitFor(hostile, id, ChaosIT::finished, Duration.ofSeconds(60));
            assertThat(done.get("status").asString()).isEqualTo("done");
            assertThat(done.get("fields").get("lineItems")).hasSize(500);
        }
        JsonNode failed = waitFor(hostile, deepId, ChaosIT::finished, Duration.ofSeconds(30));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("nest more than 64 levels");
        assertThat(wide.length).isGreaterThan(1_000_000);
        assertThat(app.healthStatus()).isEqualTo(200);
    }

    /** A multipart upload that sends its headers and the start of its body, from a client address of its own. */
    private static Socket trickler(int port, String clientAddress) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(clientAddress), 0);
        socket.setSoTimeout(40_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data;"
                        + " boundary=xyz\r\nContent-Length: 1048576\r\n\r\n--xyz\r\nContent-Disposition: form-data;"
                        + " name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Sends one byte to each socket every three seconds until stopped; sockets the server closed are skipped. */
    private static ScheduledExecutorService drip(List<Socket> sockets) {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        drip.scheduleAtFixedRate(
                () -> {
                    for (Socket socket : sockets) {
                        try {
                            socket.getOutputStream().write('x');
                            socket.getOutputStream().flush();
                        } catch (IOException closed) {
                            // the server closed it: what the test wants
                        }
                    }
                },
                3,
                3,
                TimeUnit.SECONDS);
        return drip;
    }

    /** What the server answered on a socket before closing it (empty if it closed without a word). */
    private static String answer(Socket socket) {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Runs {@code body} while the sockets trickle a byte every three seconds; closes them after. */
    private static void whileTrickling(List<Socket> trickling, Executable body) throws Throwable {
        ScheduledExecutorService drip = drip(trickling);
        try {
            body.execute();
        } finally {
            drip.shutdownNow();
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    /** Tricklers from the client addresses {@code address.apply(i)}, after the app has served a page. */
    private List<Socket> tricklers(AppClient client, int count, java.util.function.IntFunction<String> address)
            throws IOException {
        client.get("/");
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trickling.add(trickler(app.port(), address.apply(i)));
        }
        return trickling;
    }

    @Test
    void twelveSendersTricklingFromOneAddressLeaveOtherUsersUploadingWithinASecond() throws Throwable {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        List<Socket> trickling = tricklers(client, 12, i -> "127.0.0.2");
        whileTrickling(trickling, () -> {
            Instant end = Instant.now().plus(Duration.ofSeconds(20));
            for (int i = 0; Instant.now().isBefore(end); i++) {
                Instant start = Instant.now();
                HttpResponse<String> upload = client.upload(
                        "/documents",
                        Map.of("report-" + i + ".pdf", TestPdfs.report(20 + i)),
                        "Accept",
                        "application/json");
                assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
                AppProcess.sleep(2000);
                if (json(client.get("/documents.json")).size() >= 18) {
                    break;
                }
            }
            List<String> answers = trickling.stream().map(ChaosIT::answer).toList();
            // four refused at once for their address, eight cut once their pace fell behind
            assertThat(answers.stream()
                            .filter(a -> a.startsWith("HTTP/1.1 429"))
                            .count())
                    .isEqualTo(4);
            assertThat(answers.stream()
                            .filter(a -> a.startsWith("HTTP/1.1 408"))
                            .count())
                    .isEqualTo(8);
        });
        assertThat(app.healthStatus()).isEqualTo(200);
    }

    @Test
    void sendersTricklingFromAsManyAddressesAsThereAreSlotsLoseThemWithinSeconds() throws Throwable {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        List<Socket> trickling = tricklers(client, 32, i -> "127.0.1." + (2 + i));
        Instant started = Instant.now();
        whileTrickling(trickling, () -> {
            int status = 0;
            for (int i = 0;
                    status != 201 && Duration.between(started, Instant.now()).getSeconds() < 25;
                    i++) {
                try {
                    status = client.upload(
                                    "/documents",
                                    Map.of("late-" + i + ".pdf", TestPdfs.report(40 + i)),
                                    "Accept",
                                    "application/json")
                            .statusCode();
                } catch (UncheckedIOException refusedBeforeTheBodyWasSent) {
                    // a 503 sent while the client was still sending its body can reach it as a reset
                    status = 503;
                }
                assertThat(status).isIn(201, 503);
                if (status != 201) {
                    AppProcess.sleep(1000);
                }
            }
            assertThat(status).isEqualTo(201);
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
            // one address block sends at most 16 bodies: the rest are refused at once, the 16 cut for their pace
            assertThat(trickling.stream().map(ChaosIT::answer))
                    .allMatch(a -> a.startsWith("HTTP/1.1 408") || a.startsWith("HTTP/1.1 429"));
        });
        assertThat(app.healthStatus()).isEqualTo(200);
    }

    /**
     * 32 senders, 8 from each of four addresses, each at 17 KB/s (just above the 16 KB/s floor): they once took every
     * receiving slot for minutes. Now one address block sends at most 16, and those slower than a fair pace share a
     * slow lane of 4, so ordinary uploads keep getting in.
     */
    @Test
    void sendersJustAboveThePaceFloorFromFourAddressesLeaveRoomForOrdinaryUploads() throws Throwable {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        List<Socket> senders = tricklers(client, 32, i -> "127.0.1." + (2 + i / 8));
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        byte[] chunk = new byte[1740];
        java.util.Arrays.fill(chunk, (byte) 'x');
        pace.scheduleAtFixedRate(
                () -> {
                    for (Socket socket : senders) {
                        try {
                            socket.getOutputStream().write(chunk);
                            socket.getOutputStream().flush();
                        } catch (IOException closed) {
                            // refused or cut: what the test wants
                        }
                    }
                },
                100,
                100,
                TimeUnit.MILLISECONDS);
        try {
            AppProcess.sleep(1500);
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> upload = client.upload(
                        "/documents",
                        Map.of("ordinary-" + i + ".pdf", TestPdfs.report(70 + i)),
                        "Accept",
                        "application/json");
                assertThat(upload.statusCode())
                        .as("upload %d: %s", i, upload.body())
                        .isEqualTo(201);
                AppProcess.sleep(1000);
            }
        } finally {
            pace.shutdownNow();
            for (Socket socket : senders) {
                socket.close();
            }
        }
        assertThat(app.healthStatus()).isEqualTo(200);
    }

    @Test
    void everyOtherHostileInputOfTheIssueIsAnsweredWithoutA5xxAndTheServerComesBackUpAfterKill9() throws Exception {
        app = new AppProcess(data).start();
        AppClient client = new AppClient(app.port());
        List<HttpResponse<String>> answers = new ArrayList<>();

        // ZIPs: names in CP437, a hidden entry that must never be inflated, an encrypted archive
        HttpResponse<String> windows = client.upload(
                "/documents",
                Map.of("Rechnungen.zip", EInvoices.windowsZip(Map.of("Rechnung-Müller.pdf", TestPdfs.report(51)))),
                "Accept",
                "application/json");
        HttpResponse<String> hidden = client.upload(
                "/documents",
                Map.of("mac.zip", EInvoices.zipWithCorruptHiddenEntry("scan.pdf", TestPdfs.report(52))),
                "Accept",
                "application/json");
        HttpResponse<String> locked = client.upload(
                "/documents",
                Map.of("locked.zip", EInvoices.encryptedZip(Map.of("a.pdf", TestPdfs.report(53)))),
                "Accept",
                "application/json");
        answers.addAll(List.of(windows, hidden, locked));
        assertThat(windows.statusCode()).as(windows.body()).isEqualTo(201);
        assertThat(json(windows).get("accepted").get(0).get("filename").asString())
                .isEqualTo("Rechnung-Müller.pdf");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(201);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(422);

        // a 200,000-character word after every label, a page tree that contains itself under a name that
        // pretends to be something else, and an e-invoice whose seller is a formula
        String words = uploadOne(client, "long-words.pdf", HostileFiles.longWords(200_000));
        String cyclic = uploadOne(client, "cyclic\u202Efdp.exe", HostileFiles.cyclicPageTree());
        String formula = "=HYPERLINK(\"http://example.invalid\",\"Pay here\")";
        String xml = EInvoices.ubl().replace("Van Dijk Installaties B.V.", formula);
        String supplier = uploadOne(client, "supplier.xml", xml.getBytes(StandardCharsets.UTF_8));

        JsonNode wordsDone = waitFor(client, words, ChaosIT::finished, Duration.ofSeconds(30));
        JsonNode cyclicDone = waitFor(client, cyclic, ChaosIT::finished, Duration.ofSeconds(30));
        waitFor(client, supplier, ChaosIT::finished, Duration.ofSeconds(30));
        assertThat(wordsDone.get("status").asString()).isEqualTo("done");
        assertThat(cyclicDone.get("filename").asString()).isEqualTo("cyclicfdp.exe");
        assertThat(cyclicDone.get("status").asString()).isEqualTo("failed");
        assertThat(cyclicDone.get("error").asString()).contains("damaged").doesNotContain("unexpected");
        HttpResponse<String> batch = client.get("/documents.csv");
        answers.add(batch);
        assertThat(batch.body()).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");

        // a correction of 1e308 is refused in words, not stored as 1308.00
        HttpResponse<String> huge = client.postForm(
                "/documents/" + words + "/fields/totalAmount", "value=1e308", "Accept", "application/json");
        answers.add(huge);
        assertThat(huge.statusCode()).isEqualTo(422);

        // 21,000 CJK characters are counted when sent as JSON
        HttpResponse<String> tokens = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.base() + "/api/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\""
                                        + "請求書合計金額税込".repeat(2_334).substring(0, 21_000) + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        answers.add(tokens);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        // a client keeping only the CSRF cookie is given no session, however many selections it asks for
        String csrf = client.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.base() + "/?model=Gemma3-1B&kv=" + (i % 2 == 0)
                                            + "&table=" + (5 + i % 14)))
                                    .header("Cookie", "XSRF-TOKEN=" + csrf)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            answers.add(page);
            assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isLessThan(500));
        assertThat(app.logText()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");

        app.kill();
        app.start();
        AppClient again = client.withPort(app.port());
        for (int i = 0; i < 5; i++) {
            assertThat(app.healthStatus()).isEqualTo(200);
            AppProcess.sleep(1000);
        }
        assertThat(document(again, words).get("status").asString()).isEqualTo("done");
        assertThat(document(again, cyclic).get("status").asString()).isEqualTo("failed");
    }
}
