package dev.allframe.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run printed: requests per second, latency percentiles and mean in milliseconds, the requests and those
 * answered with a status other than 2xx or 3xx, or that failed at the socket, each wrk thread's first such answer, and
 * the connections and seconds it ran with.
 */
record WrkResult(double requestsPerSecond, double p50, double p90, double p99, double mean, long requests, long errors,
                 List<String> firstRefusals, int connections, double seconds) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern SECONDS = Pattern.compile("\\d+ requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern CONNECTIONS = Pattern.compile("and (\\d+) connections");
    private static final Pattern MEAN = Pattern.compile("\\n\\s+Latency\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern REFUSED = Pattern.compile("first non-2xx: (.*)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static WrkResult parse(String output) {
        long socketErrors = 0;
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                socketErrors += Long.parseLong(socket.group(i));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        long errors = socketErrors + (non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
        List<String> refused = new ArrayList<>();
        Matcher r = REFUSED.matcher(output);
        while (r.find()) {
            refused.add(r.group(1));
        }
        Matcher seconds = SECONDS.matcher(output);
        if (!seconds.find()) {
            throw new IllegalArgumentException("no duration in wrk's output:\n" + output);
        }
        return new WrkResult(Double.parseDouble(find(RATE, output)), percentile(output, "50"),
                percentile(output, "90"), percentile(output, "99"), millis(MEAN.matcher(output), "mean", output),
                Long.parseLong(find(REQUESTS, output)), errors, List.copyOf(refused),
                Integer.parseInt(find(CONNECTIONS, output)),
                Double.parseDouble(seconds.group(1)) * switch (seconds.group(2)) {
                    case "ms" -> 0.001;
                    case "m" -> 60;
                    default -> 1;
                });
    }

    /**
     * Whether the latencies can be those of the requests: on {@code connections} connections for {@code seconds},
     * the requests' latencies add up to at most connections × seconds. wrk's own figures exceed that by a few per cent
     * on ordinary runs (1.04 times the time on an 8-connection run of the sample), so only half again as
     * much counts: wrk has reported means that exceed it thirty times over on rows that a client of our own,
     * measuring right before and after on the same server, found ordinary (p99 22 ms where wrk said 1.38 s).
     */
    boolean latencyConsistent() {
        return mean * requests <= connections * seconds * 1000 * 1.5;
    }

    private static double percentile(String output, String which) {
        return millis(Pattern.compile("\\n\\s+" + which + "%\\s+([0-9.]+)(us|ms|s)").matcher(output),
                which + "% latency", output);
    }

    private static double millis(Matcher m, String what, String output) {
        if (!m.find()) {
            throw new IllegalArgumentException("no " + what + " in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no '" + pattern + "' in wrk's output:\n" + output);
        }
        return m.group(1);
    }
}
