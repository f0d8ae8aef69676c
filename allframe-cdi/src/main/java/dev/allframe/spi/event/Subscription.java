package dev.allframe.spi.event;

/** Ends a listener's subscription. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
