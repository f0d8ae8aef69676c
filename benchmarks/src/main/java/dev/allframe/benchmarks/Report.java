package dev.allframe.benchmarks;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import dev.allframe.benchmarks.http.HttpReport;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Writes {@code BENCHMARKS.md}: the machine, the command, the JMH scores and the ratios against the targets. */
final class Report {

    static final String COMMAND = "ALLFRAME_TEST_POSTGRESQL_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \\\n"
            + "  mvn -B -Pbenchmarks -pl benchmarks -am -DskipTests verify";
    private static final double DISPATCH_TARGET_NS = 100;
    private static final double NOISY = 0.5;

    private final Suite.Mode mode;
    private final Machine machine;
    private final String loadAtEnd;
    private final Map<String, RunResult> results = new HashMap<>();
    private final Duration took;
    private final boolean postgres;

    Report(Suite.Mode mode, Machine machine, String loadAtEnd, Collection<RunResult> runs, Duration took,
           boolean postgres) {
        this.mode = mode;
        this.machine = machine;
        this.loadAtEnd = loadAtEnd;
        this.took = took;
        this.postgres = postgres;
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            String[] parts = name.split("\\.");
            results.put(parts[parts.length - 2] + "." + parts[parts.length - 1], run);
        }
    }

    void write(Path path) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("AllFrame beside raw JDBC (the limit) and Axon Framework 4.13 (the peer), the same workload for each, ")
                .append("measured in one run of the JMH suite in `benchmarks`. Written by the suite; ")
                .append(mode == Suite.Mode.SMOKE ? "**this is a smoke pass: its numbers mean nothing.**" : "do not edit by hand.")
                .append("\n\n");
        md.append("## Reproduce\n\n```\n").append(COMMAND).append("\n```\n\n");
        md.append("Without `ALLFRAME_TEST_POSTGRESQL_URL` the PostgreSQL rows are skipped. The PostgreSQL benchmarks ")
                .append("work in a schema of their own, `allframe_bench_<pid>`, created for each benchmark and dropped after it. ")
                .append("JMH's raw results: `benchmarks/target/jmh-result.json`.\n\n");
        machine(md);
        scores(md);
        ratios(md);
        // the HTTP benchmark's section, written by its own run, stays
        HttpReport.existing(path).ifPresent(http -> md.append(http).append('\n'));
        md.append(notes());
        Files.writeString(path, md.toString(), StandardCharsets.UTF_8);
    }

    private void machine(StringBuilder md) {
        md.append("## Machine and run\n\n| | |\n|---|---|\n");
        for (String[] fact : machine.facts()) {
            md.append("| ").append(fact[0]).append(" | ").append(fact[1]).append(" |\n");
        }
        md.append("| run | ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", ").append(mode.name().toLowerCase(Locale.ROOT)).append(", ").append(took.toMinutes())
                .append(" min ").append(took.toSecondsPart()).append(" s |\n");
        md.append("| load average (1, 5, 15 min) | ").append(machine.loadAtStart()).append(" at the start, ")
                .append(loadAtEnd).append(" at the end |\n\n");
    }

    private void scores(StringBuilder md) {
        md.append("## Scores\n\n");
        md.append("One fork per benchmark. Warm-up and measurement: in memory 6 × 1 s (the command cycle 8 × 1 s) ")
                .append("and 5 × 1 s, on PostgreSQL 2 × 2 s (the command cycles 15 × 2 s, the appends over a query and in "
                        + "long transactions 3 × 2 s) and 4 × 2 s, the catch-up ")
                .append("20 + 6 single shots (the shots get faster until about the twentieth). ± is JMH's 99.9 % confidence interval over the iterations. Allocation ")
                .append("per operation from `-prof gc` (`gc.alloc.rate.norm`). Events per second for appends, commands ")
                .append("per second (all clients together) for command cycles, sagas per second (all clients together) for ")
                .append("the 8-client sagas.\n\n");
        md.append("| workload | contender | score | ± | unit | allocated per op |\n|---|---|---:|---:|---|---:|\n");
        for (Workloads.Row row : Workloads.ROWS) {
            RunResult run = results.get(row.key());
            md.append("| ").append(row.workload()).append(" | ").append(row.contender()).append(" | ");
            if (run == null) {
                md.append(notRun(row.key())).append(" | | | |\n");
                continue;
            }
            Result<?> primary = run.getPrimaryResult();
            Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            md.append(number(primary.getScore())).append(" | ")
                    .append(Double.isNaN(primary.getScoreError()) ? "" : number(primary.getScoreError())).append(" | ")
                    .append(unit(primary.getScoreUnit())).append(" | ")
                    .append(allocation == null ? "" : bytes(allocation.getScore())).append(" |\n");
        }
        md.append("\n");
    }

    private void ratios(StringBuilder md) {
        md.append("## Ratios against the targets\n\n");
        md.append("Speed ratios from the scores above (above 1: AllFrame is faster). Targets from DESIGN.md, ")
                .append("\"Performance targets\".\n\n");
        md.append("| comparison | ratio | target | |\n|---|---:|---|---|\n");
        RunResult dispatch = results.get("DispatchBenchmark.allFrame");
        if (dispatch != null) {
            double ns = dispatch.getPrimaryResult().getScore();
            md.append("| dispatch: AllFrame, absolute | ").append(number(ns)).append(" ns | ≤ 100 ns | ")
                    .append(ns <= DISPATCH_TARGET_NS ? "met" : "missed").append(" |\n");
        }
        for (Workloads.Ratio ratio : Workloads.RATIOS) {
            RunResult ours = results.get(ratio.ours());
            RunResult theirs = results.get(ratio.theirs());
            md.append("| ").append(ratio.what()).append(" | ");
            if (ours == null || theirs == null) {
                md.append(notRun(ratio.ours())).append(" | ").append(ratio.target()).append(" | |\n");
                continue;
            }
            double speed = speedRatio(ours, theirs);
            md.append(String.format(Locale.ROOT, "%.2f×", speed)).append(" | ").append(ratio.target()).append(" | ")
                    .append(verdict(ratio, speed, ours, theirs)).append(" |\n");
        }
        md.append("\n");
    }

    /** Met or missed; neither when either score's interval is wider than half the score. */
    private static String verdict(Workloads.Ratio ratio, double speed, RunResult ours, RunResult theirs) {
        if (ratio.target().isEmpty()) {
            return "";
        }
        if (noisy(ours) || noisy(theirs)) {
            return "inconclusive: ± over " + (int) (NOISY * 100) + " % of a score";
        }
        return speed >= ratio.minimum() ? "met" : "missed";
    }

    private static boolean noisy(RunResult run) {
        double error = run.getPrimaryResult().getScoreError();
        return !Double.isNaN(error) && error > NOISY * run.getPrimaryResult().getScore();
    }

    /** Ours over theirs as speeds: throughputs divide directly, times the other way round. */
    private static double speedRatio(RunResult ours, RunResult theirs) {
        double a = ours.getPrimaryResult().getScore();
        double b = theirs.getPrimaryResult().getScore();
        return ours.getPrimaryResult().getScoreUnit().endsWith("/s") ? a / b : b / a;
    }

    private String notRun(String key) {
        return key.startsWith("Postgres") || key.startsWith("Projection") && !postgres
                ? "not run (PostgreSQL unset)" : "not run";
    }

    private static String unit(String jmhUnit) {
        return switch (jmhUnit) {
            case "ops/s" -> "per s";
            case "ns/op" -> "ns";
            case "us/op" -> "µs";
            case "ms/op" -> "ms";
            default -> jmhUnit;
        };
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String bytes(double value) {
        return String.format(Locale.ROOT, "%,.0f B", value);
    }

    private static String notes() {
        try (InputStream in = Report.class.getResourceAsStream("/benchmarks-notes.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
