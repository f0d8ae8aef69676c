package dev.allframe.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs wrk (Debian's package) with a workload's script against a server; keeps its last output beside the script. */
final class Wrk {

    private final Path scripts;

    Wrk(Path scripts) throws IOException {
        this.scripts = Files.createDirectories(scripts);
    }

    WrkResult run(URI base, HttpWorkload workload, Duration duration) throws IOException, InterruptedException {
        Path script = scripts.resolve(workload.name().toLowerCase(java.util.Locale.ROOT) + ".lua");
        Files.writeString(script, workload.script(), StandardCharsets.UTF_8);
        int threads = Math.min(2, workload.connections());
        Process wrk = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + workload.connections(),
                "-d" + duration.toSeconds() + "s", "--timeout", "10s", "--latency", "-s", script.toString(),
                base.toString())).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(scripts.resolve(workload.name().toLowerCase(java.util.Locale.ROOT) + ".out"), output,
                StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return WrkResult.parse(output);
    }
}
