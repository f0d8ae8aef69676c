package dev.allframe.benchmarks.postgres;

/**
 * Where the append benchmarks write: appends of one event fill streams of ten events, larger appends
 * each start a stream of their own. Every contender writes the same streams and versions.
 */
final class Carts {

    private final int eventsPerAppend;
    private final int eventsPerStream;
    private long appends;
    private String stream;
    private long version;

    Carts(int eventsPerAppend) {
        this.eventsPerAppend = eventsPerAppend;
        this.eventsPerStream = Math.max(10, eventsPerAppend);
    }

    /** Moves to the next append. */
    void next() {
        long first = appends++ * eventsPerAppend;
        stream = "cart-" + first / eventsPerStream;
        version = first % eventsPerStream;
    }

    String stream() {
        return stream;
    }

    /** The stream's version before this append. */
    long version() {
        return version;
    }

    int events() {
        return eventsPerAppend;
    }

    /** A sequence number for event payloads. */
    long sequence() {
        return appends * eventsPerAppend;
    }
}
