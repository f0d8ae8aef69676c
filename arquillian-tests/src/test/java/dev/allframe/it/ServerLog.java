package dev.allframe.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test server's log, read from the test's side: the file the system property {@code allframe.it.server.log} names,
 * or else the Liberty server's {@code messages.log}.
 */
public final class ServerLog {

    private final Path log;
    private final long start;

    private ServerLog(Path log, long start) {
        this.log = log;
        this.start = start;
    }

    /** Marks the log's current end; {@link #newText()} returns what the server writes after it. */
    public static ServerLog mark() throws IOException {
        Path log = path();
        return new ServerLog(log, Files.exists(log) ? Files.size(log) : 0);
    }

    /** The whole log, from the server's start: {@link #newText()} returns all of it. */
    public static ServerLog sinceStart() {
        return new ServerLog(path(), 0);
    }

    private static Path path() {
        String named = System.getProperty("allframe.it.server.log");
        if (named != null) {
            return Path.of(named);
        }
        return Path.of(System.getProperty("arquillian.wlpHome", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("arquillian.serverName", "allframeTests"), "logs", "messages.log");
    }

    public String newText() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(start, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }
}
