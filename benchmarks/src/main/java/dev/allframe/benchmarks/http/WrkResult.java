package dev.allframe.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run printed: requests per second, latency percentiles in milliseconds, the requests and those answered
 * with a status other than 2xx or 3xx, or that failed at the socket, and each wrk thread's first such answer.
 */
record WrkResult(double requestsPerSecond, double p50, double p90, double p99, long requests, long errors,
                 List<String> firstRefusals) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
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
        return new WrkResult(Double.parseDouble(find(RATE, output)), percentile(output, "50"),
                percentile(output, "90"), percentile(output, "99"), Long.parseLong(find(REQUESTS, output)), errors,
                List.copyOf(refused));
    }

    private static double percentile(String output, String which) {
        Matcher m = Pattern.compile("\\n\\s+" + which + "%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + which + "% latency in wrk's output:\n" + output);
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
