package dev.allframe.benchmarks;

import dev.allframe.benchmarks.support.BenchDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes the report. {@code full} measures (about ten minutes on two cores);
 * {@code smoke} runs each benchmark once, briefly and in this JVM, so that the build notices when one no
 * longer runs. PostgreSQL benchmarks run when {@code ALLFRAME_TEST_POSTGRESQL_URL} names a database.
 *
 * <p>Arguments: {@code full|smoke}, the report's path and, to run only some benchmarks, a regular
 * expression of their names.
 */
public final class Suite {

    /** How a run measures. */
    public enum Mode {
        FULL, SMOKE
    }

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException, Exception {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: Suite full|smoke <report.md> [benchmark regex]");
        }
        Mode mode = Mode.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        Path report = Path.of(args[1]).toAbsolutePath();
        boolean postgres = BenchDatabase.baseUrl() != null;
        Machine machine = Machine.describe(postgres);

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(args.length == 3 ? args[2] : "dev\\.allframe\\.benchmarks\\..*Benchmark\\..*")
                .shouldFailOnError(true);
        if (!postgres) {
            options.exclude("dev\\.allframe\\.benchmarks\\.postgres\\..*");
            System.out.println("PostgreSQL benchmarks skipped: set " + BenchDatabase.URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them");
        }
        if (mode == Mode.SMOKE) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).param("events", "2000");
        } else {
            options.addProfiler(GCProfiler.class).resultFormat(ResultFormatType.JSON)
                    .result(report.resolveSibling("benchmarks/target/jmh-result.json").toString());
        }
        Instant start = Instant.now();
        Collection<RunResult> results = new Runner(options.build()).run();
        Duration took = Duration.between(start, Instant.now());
        new Report(mode, machine, Machine.loadAverage(), results, took, postgres).write(report);
        System.out.println("Benchmarks (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + results.size()
                + " runs, " + took.toSeconds() + " s): " + report);
    }
}
