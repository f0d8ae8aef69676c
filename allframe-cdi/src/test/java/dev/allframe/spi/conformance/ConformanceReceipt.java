package dev.allframe.spi.conformance;

/** A step's output in the sagas the saga store conformance suites keep. */
public record ConformanceReceipt(String account, int amount) {
}
