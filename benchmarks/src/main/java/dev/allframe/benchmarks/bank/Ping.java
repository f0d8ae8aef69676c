package dev.allframe.benchmarks.bank;

/** The smallest command: no stream, handled by a no-op handler. */
public record Ping(int n) {
}
