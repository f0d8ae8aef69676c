package dev.allframe.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Open Liberty server created by the sample's build ({@code liberty:create}), started with one of the two
 * {@code bank.war}s and one database, and stopped again. Knows its process, to read the CPU time it used.
 */
final class LibertyServer implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(3);

    private final Path wlp;
    private final String name;
    private final int port;
    private Long pid;

    LibertyServer(Path wlp, String name, int port) {
        this.wlp = wlp;
        this.name = name;
        this.port = port;
    }

    Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Deploys {@code war} as the server's {@code bank.war} on an empty {@code database} and starts the server. */
    void start(Path war, HttpDatabase database, String jvmArgs) throws Exception {
        Path apps = directory().resolve("apps");
        Files.createDirectories(apps);
        Files.copy(war, apps.resolve("bank.war"), StandardCopyOption.REPLACE_EXISTING);
        database.reset(directory());
        Path log = directory().resolve("logs/messages.log");
        Files.deleteIfExists(log);
        ProcessBuilder start = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), "start", name))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        start.environment().putAll(database.environment());
        start.environment().put("HTTP_PORT", Integer.toString(port));
        start.environment().put("JVM_ARGS", jvmArgs);
        if (start.start().waitFor() != 0) {
            throw new IllegalStateException("the server did not start; see " + log);
        }
        pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim());
        awaitReady(log);
    }

    /** User and system CPU time the server's process used so far. */
    Duration cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / Clock.TICKS_PER_SECOND);
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(base().resolve("/bank/accounts")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the bank did not answer within " + READY + "; see " + log);
    }

    @Override
    public void close() throws Exception {
        if (pid == null) {
            return;
        }
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        pid = null;
    }

    /** The kernel's clock ticks per second, in which /proc reports CPU time. */
    private static final class Clock {

        static final long TICKS_PER_SECOND = ticks();

        private static long ticks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | NumberFormatException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
