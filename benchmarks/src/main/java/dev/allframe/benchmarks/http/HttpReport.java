package dev.allframe.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP benchmark's section of {@code BENCHMARKS.md}, between two markers: written by the HTTP benchmark, kept as
 * it is when the JMH suite writes the rest of the file.
 */
public final class HttpReport {

    static final String SAMPLE = "AllFrame sample";
    static final String BASELINE = "plain JPA";
    private static final String BEGIN = "<!-- http-benchmark: begin -->\n";
    private static final String END = "<!-- http-benchmark: end -->\n";
    private static final double TARGET = 0.7;
    private static final double CPU_TARGET = 2.0;

    private final List<Measurement> measurements;
    private final Duration measure;
    /** What a latency cell reads when wrk's latencies cannot be those of its requests. */
    static final String INCONSISTENT = "wrk inconsistent";

    private final Duration warmUp;
    private final Duration took;

    HttpReport(List<Measurement> measurements, Duration measure, Duration warmUp, Duration took) {
        this.measurements = measurements;
        this.measure = measure;
        this.warmUp = warmUp;
        this.took = took;
    }

    /** The section in the file at {@code path}, markers included, when it has one. */
    public static Optional<String> existing(Path path) throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String md = Files.readString(path, StandardCharsets.UTF_8);
        int begin = md.indexOf(BEGIN);
        int end = md.indexOf(END);
        return begin < 0 || end < begin ? Optional.empty() : Optional.of(md.substring(begin, end + END.length()));
    }

    /** Replaces the section in the file at {@code path}, or appends it when the file has none. */
    void writeInto(Path path) throws IOException {
        String section = section();
        String md = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Optional<String> old = existing(path);
        md = old.isPresent() ? md.replace(old.get(), section) : md + "\n" + section;
        Files.writeString(path, md, StandardCharsets.UTF_8);
    }

    String section() {
        StringBuilder md = new StringBuilder(BEGIN);
        md.append("## HTTP on Open Liberty\n\n")
                .append("The sample bank (`sample-war`: a command per request, its events in the JPA store under the ")
                .append("request's JTA transaction, the answer read from the async projection after waiting for it) beside ")
                .append("a baseline WAR with the same REST API that does the same durable work with plain JPA in one JTA ")
                .append("transaction and no AllFrame (`benchmarks/baseline-war`: the account row locked and updated, a ")
                .append("ledger row inserted per change; a transfer is one transaction where the sample runs a two-step ")
                .append("saga). Both on the same Open Liberty server, one after the other, on an empty database each time; ")
                .append("wrk on the same machine. Written by the HTTP benchmark; do not edit by hand.\n\n")
                .append("```\nALLFRAME_TEST_POSTGRESQL_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' benchmarks/http/run\n```\n\n")
                .append("Run ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. Each server ")
                .append("start: 16 accounts and one hot account with ").append(BankClient.HOT_EVENTS).append(" events set up, ")
                .append(warmUp.toSeconds()).append(" s each of deposits and transfers with 8 connections and with 1 to ")
                .append("warm up; then each row's workload ")
                .append(HttpBenchmark.ROW_WARM_UP.toSeconds()).append(" s unmeasured and ").append(measure.toSeconds())
                .append(" s measured. Server CPU is the Liberty process's user and system time over the row, per request; ")
                .append("requests/s and latency are wrk's; a latency reads \"").append(INCONSISTENT).append("\" where ")
                .append("wrk's mean latency times its requests exceeds its connections times the run's time by half, ")
                .append("which no run can do. Target: ≥ ").append(TARGET).append("× the baseline's requests/s, ")
                .append("server CPU per request within ").append(CPU_TARGET).append("× the baseline's.\n\n");
        md.append("| workload | connections | database | ").append(SAMPLE).append(" req/s | ").append(BASELINE)
                .append(" req/s | ratio | p50 / p99 ms, sample | p50 / p99 ms, baseline | server CPU ms per request, ")
                .append("sample / baseline | non-2xx |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement sample : measurements) {
            if (!sample.contender().equals(SAMPLE)) {
                continue;
            }
            Optional<Measurement> baseline = measurements.stream()
                    .filter(m -> m.contender().equals(BASELINE) && m.database().equals(sample.database())
                            && m.workload() == sample.workload())
                    .findFirst();
            md.append("| ").append(sample.workload().title()).append(" | ").append(sample.workload().connections())
                    .append(" | ").append(sample.database()).append(" | ")
                    .append(rate(sample.wrk().requestsPerSecond())).append(" | ")
                    .append(baseline.map(b -> rate(b.wrk().requestsPerSecond())).orElse("–")).append(" | ")
                    .append(baseline.map(b -> ratio(sample.wrk().requestsPerSecond() / b.wrk().requestsPerSecond()))
                            .orElse("–")).append(" | ")
                    .append(latency(sample)).append(" | ").append(baseline.map(HttpReport::latency).orElse("–"))
                    .append(" | ").append(ms(sample.cpuPerRequestMs())).append(" / ")
                    .append(baseline.map(b -> ms(b.cpuPerRequestMs())).orElse("–")).append(" | ")
                    .append(sample.wrk().errors()).append(baseline.map(b -> " / " + b.wrk().errors()).orElse(""))
                    .append(" |\n");
        }
        md.append('\n').append(notes()).append(END);
        return md.toString();
    }

    /** What the numbers mean and what is left, written by hand beside the benchmark. */
    private static String notes() {
        try (InputStream in = HttpReport.class.getResourceAsStream("/benchmarks-http-notes.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String latency(Measurement m) {
        return m.wrk().latencyConsistent() ? ms(m.wrk().p50()) + " / " + ms(m.wrk().p99()) : INCONSISTENT;
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value);
    }
}
