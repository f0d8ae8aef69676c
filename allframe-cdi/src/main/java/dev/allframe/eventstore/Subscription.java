package dev.allframe.eventstore;

/** Ends a listener's subscription. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
