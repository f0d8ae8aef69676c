package dev.allframe.spi.event;

/**
 * Told about appends after they are committed, on the appending thread. Listeners of concurrent appends
 * may be called concurrently and out of global order: read the global log to consume events in order.
 * A listener must be quick and must not throw; a throwing listener is logged and does not affect the
 * append or the other listeners.
 */
@FunctionalInterface
public interface AppendListener {

    void appended(AppendResult result);
}
