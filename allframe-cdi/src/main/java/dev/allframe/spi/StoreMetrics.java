package dev.allframe.spi;

/**
 * What a store tells about its work, for AllFrame's metrics: how many appends each of its commits carried. A store
 * that shares commits between appends (group commit) reports each shared one; one that does not may report each
 * append as a commit of its own, or nothing.
 */
@FunctionalInterface
public interface StoreMetrics {

    /** Nothing is reported. */
    StoreMetrics NONE = (appends, events) -> { };

    /** {@code appends} appends, with {@code events} events in all, were committed together in one transaction. */
    void committedTogether(int appends, int events);
}
