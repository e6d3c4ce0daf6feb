package org.s11portal.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of the portal: the packaged jar (target/quarkus-app/quarkus-run.jar) in the {@code cluster} profile, as
 * `make cluster` runs it, in a process of its own with its own HTTP and management ports and its output in
 * target/cluster-it/NAME.log. {@link #kill()} is kill -9.
 */
final class PortalInstance {

    static final String JAR = System.getProperty("s11.jar", "target/quarkus-app/quarkus-run.jar");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final int managementPort;
    private final Path log;
    private Process process;

    private PortalInstance(String name) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.log = Path.of("target", "cluster-it", name + ".log");
    }

    /** Starts the jar with the database and keys every instance shares; returns once the process runs (not yet ready). */
    static PortalInstance start(String name, Map<String, String> sharedEnvironment) throws IOException {
        PortalInstance instance = new PortalInstance(name);
        instance.launch(sharedEnvironment);
        return instance;
    }

    private void launch(Map<String, String> sharedEnvironment) throws IOException {
        if (!Files.isRegularFile(Path.of(JAR))) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after `mvn package`");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // two of them on a two-core machine: small heaps, quick start
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(sharedEnvironment);
        builder.environment().put("QUARKUS_PROFILE", "cluster");
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("S11_MANAGEMENT_PORT", String.valueOf(managementPort));
        // a test's instances listen on loopback only
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        process = builder.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * The readiness endpoint: on the management port (S11_MANAGEMENT_PORT), or on the main port for a build whose
     * management interface is off.
     */
    HttpResponse<String> readiness() throws IOException, InterruptedException {
        try {
            return get("http://127.0.0.1:" + managementPort + "/q/health/ready");
        } catch (java.net.ConnectException noManagementPort) {
            return get(url("/q/health/ready"));
        }
    }

    boolean ready() {
        try {
            return readiness().statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " was not ready within " + within + ":\n" + logTail());
    }

    /** kill -9: no shutdown hook, no draining, connections dropped mid-request. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return PROBE.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
