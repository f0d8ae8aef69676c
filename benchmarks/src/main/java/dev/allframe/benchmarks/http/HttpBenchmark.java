package dev.allframe.benchmarks.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark: the sample bank and the plain-JPA baseline, one after the other on the same Open Liberty
 * server and database, under the same wrk workloads; written into {@code BENCHMARKS.md}. Run by
 * {@code benchmarks/http/run}, which builds the WARs and the server first.
 *
 * <p>Arguments: {@code <wlp directory> <server name> <sample war> <baseline war> <BENCHMARKS.md>}. The system
 * properties {@code seconds} (each measurement, 20), {@code warmup} (seconds of each warm-up workload, 30),
 * {@code port} (9080) and {@code jvmArgs} (the server's extra JVM options, e.g. to record with JFR) tune it;
 * {@code only} ({@code sample} or {@code baseline}) and {@code database} ({@code h2} or {@code postgresql}) narrow it
 * down, for profiling;
 * {@code ALLFRAME_TEST_POSTGRESQL_URL} adds the PostgreSQL rows.
 */
public final class HttpBenchmark {

    /** How long each row's workload runs unmeasured just before it is measured. */
    static final Duration ROW_WARM_UP = Duration.ofSeconds(15);
    /**
     * What runs after each server start, each for the warm-up time: with one connection as well as with eight, since
     * the code compiled under eight is compiled again for one (the first one-connection row measured after an
     * eight-connection warm-up alone ran at three quarters of its rate, the compiler threads taking half the CPU).
     */
    static final List<HttpWorkload> WARM_UP = List.of(HttpWorkload.DEPOSITS_8, HttpWorkload.TRANSFERS_8,
            HttpWorkload.DEPOSITS_1, HttpWorkload.TRANSFERS_1);

    private HttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: HttpBenchmark <wlp directory> <server name> <sample war> <baseline war> <BENCHMARKS.md>");
        }
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 20));
        Duration warmUp = Duration.ofSeconds(Long.getLong("warmup", 30));
        LibertyServer server = new LibertyServer(Path.of(args[0]), args[1], Integer.getInteger("port", 9080));
        Map<String, Path> contenders = new LinkedHashMap<>();
        String only = System.getProperty("only", "");
        if (!only.equals("baseline")) {
            contenders.put(HttpReport.SAMPLE, Path.of(args[2]));
        }
        if (!only.equals("sample")) {
            contenders.put(HttpReport.BASELINE, Path.of(args[3]));
        }
        String onlyDatabase = System.getProperty("database", "");
        List<HttpDatabase> databases = new ArrayList<>();
        if (!onlyDatabase.equals("postgresql")) {
            databases.add(new HttpDatabase.H2());
        }
        String postgres = System.getenv("ALLFRAME_TEST_POSTGRESQL_URL");
        if (postgres != null && !postgres.isBlank() && !onlyDatabase.equals("h2")) {
            databases.add(new HttpDatabase.PostgreSql(postgres));
        }
        if (databases.isEmpty() || contenders.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure: database=" + onlyDatabase + ", only=" + only
                    + ", ALLFRAME_TEST_POSTGRESQL_URL " + (postgres == null ? "not set" : "set"));
        }
        Wrk wrk = new Wrk(Path.of("target/http-benchmark"));
        Instant started = Instant.now();
        List<Measurement> measurements = new ArrayList<>();
        for (HttpDatabase database : databases) {
            for (Map.Entry<String, Path> contender : contenders.entrySet()) {
                measurements.addAll(run(server, wrk, contender.getKey(), contender.getValue(), database, warmUp, measure));
            }
        }
        new HttpReport(measurements, measure, warmUp, Duration.between(started, Instant.now()))
                .writeInto(Path.of(args[4]));
    }

    private static List<Measurement> run(LibertyServer server, Wrk wrk, String contender, Path war,
                                         HttpDatabase database, Duration warmUp, Duration measure) throws Exception {
        List<Measurement> measured = new ArrayList<>();
        try (server) {
            System.out.printf("%s on %s: starting the server%n", contender, database.name());
            server.start(war, database, System.getProperty("jvmArgs", ""));
            new BankClient(server.base()).setUp();
            for (HttpWorkload workload : WARM_UP) {
                wrk.run(server.base(), workload, warmUp);
            }
            for (HttpWorkload workload : HttpWorkload.values()) {
                wrk.run(server.base(), workload, ROW_WARM_UP); // the row's own requests, unmeasured
                Duration before = server.cpu();
                WrkResult result = wrk.run(server.base(), workload, measure);
                Measurement m = new Measurement(contender, database.name(), workload, result,
                        server.cpu().minus(before));
                System.out.printf("%s on %s, %s, %d connection(s): %.0f requests/s, p50 %.2f ms, p99 %.2f ms, "
                                + "%.2f ms server CPU per request, %d errors%n", contender, database.name(),
                        workload.title(), workload.connections(), result.requestsPerSecond(), result.p50(),
                        result.p99(), m.cpuPerRequestMs(), result.errors());
                result.firstRefusals().forEach(r -> System.out.println("  first non-2xx answer: " + r));
                measured.add(m);
            }
        }
        return measured;
    }
}
