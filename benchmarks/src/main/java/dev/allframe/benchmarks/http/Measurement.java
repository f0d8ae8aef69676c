package dev.allframe.benchmarks.http;

import java.time.Duration;

/** One workload on one server: what wrk saw and the server's CPU time meanwhile. */
record Measurement(String contender, String database, HttpWorkload workload, WrkResult wrk, Duration serverCpu) {

    /** Server CPU per request, in milliseconds. */
    double cpuPerRequestMs() {
        return wrk.requests() == 0 ? Double.NaN : serverCpu.toNanos() / 1e6 / wrk.requests();
    }
}
