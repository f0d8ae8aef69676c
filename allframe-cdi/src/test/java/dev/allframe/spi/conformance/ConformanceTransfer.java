package dev.allframe.spi.conformance;

/** The input of the sagas the saga store conformance suites keep. */
public record ConformanceTransfer(String from, String to, int amount) {
}
