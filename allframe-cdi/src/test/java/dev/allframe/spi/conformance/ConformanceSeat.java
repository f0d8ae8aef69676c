package dev.allframe.spi.conformance;

/**
 * A seat taken in a course, which the query conformance suite appends beside {@link ConformanceEvent}, under the type
 * name {@code "ConformanceSeat"} with schema version 1.
 */
public record ConformanceSeat(String course, String student) {
}
