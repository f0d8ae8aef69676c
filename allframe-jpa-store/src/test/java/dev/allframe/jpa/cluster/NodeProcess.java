package dev.allframe.jpa.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One server of a cluster in a test: a JVM of its own on the tests' class path, running a main class that prints
 * what it does on its standard output, one line at a time. The test starts it, reads its lines, kills it with SIGKILL
 * as a crash would, or stops it as an operator would (SIGTERM, which runs its shutdown hooks), and starts another in
 * its place. Its standard error goes to a log file beside the test's work.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "output of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args} in a new JVM named {@code name}, logging to {@code work}. */
    public static NodeProcess start(String name, Class<?> main, Path work, String... args) throws IOException {
        return start(name, List.of(), main, work, args);
    }

    /** Starts {@code main} with {@code args} in a new JVM with {@code options} (system properties, for instance). */
    public static NodeProcess start(String name, List<String> options, Class<?> main, Path work, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new NodeProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    /** Waits for a line starting with {@code prefix}, skipping others; fails with the node's log if none comes. */
    public String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError(name + " printed no line starting with '" + prefix + "' (alive: "
                + process.isAlive() + "); its log is " + log);
    }

    /** SIGKILL: the JVM ends at once, without shutdown hooks, its connections cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not die");
        }
    }

    /** SIGTERM: the JVM runs its shutdown hooks and ends. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within a minute; its log is " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
