package com.gemmavision.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application in a JVM of its own, at {@code -Xmx512m} and exiting on out-of-memory as in
 * production, on an H2 file database in a folder of the test's: so a test can take it down with {@code kill -9} (SIGKILL, no shutdown hooks) and start it again on the
 * same data, as an operator's crash would.
 */
final class AppProcess implements AutoCloseable {

    private final Path dataDir;
    private final List<String> extraArgs;
    private final Path log;
    private Process process;
    private int port;
    private boolean exitOnOutOfMemory = true;

    AppProcess(Path dataDir, String... extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = List.of(extraArgs);
        this.log = dataDir.resolve("app.log");
    }

    /** The jar Maven's package phase built (Failsafe runs after it); null when there is none. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("gemmavision-quantadvisor-.*\\.jar"))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs the JVM without {@code -XX:+ExitOnOutOfMemoryError}, so an OutOfMemoryError in a worker is caught and
     * ends that document instead of the process: for the one case whose peak is known not to fit 512 MB yet.
     */
    AppProcess catchingOutOfMemory() {
        exitOnOutOfMemory = false;
        return this;
    }

    int port() {
        return port;
    }

    String base() {
        return "http://localhost:" + port;
    }

    AppProcess start() {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                exitOnOutOfMemory ? "-XX:+ExitOnOutOfMemoryError" : "-XX:-ExitOnOutOfMemoryError",
                "-jar",
                jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:"
                        + dataDir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--gemmavision.documents.poll-interval=200ms"));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; log: " + tail());
            }
            if (healthStatus() == 200) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException("the app did not become healthy; log: " + tail());
    }

    /** SIGKILL: the JVM stops where it is, with no chance to tidy up. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int healthStatus() {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            return http.send(
                            HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
