package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import dev.allframe.MessageTemplate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of one store, for store implementations: {@link #add} backs
 * {@link SubscribeToEvents#subscribe}, {@link #notifyAppended} is called after each committed append. A
 * throwing listener is logged and the others are still told.
 */
public final class AppendListeners {

    private static final Logger LOG = Logger.getLogger(AppendListeners.class.getName());
    private static final MessageTemplate AF1114 = new MessageTemplate("AF1114",
            "Append listener %s failed on an append to stream '%s'");

    private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();

    public Subscription add(AppendListener listener) {
        requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether no listener is subscribed now. */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Tells every listener, stopping at the first that throws: for inline listeners, whose failure aborts an append. */
    public void notifyInline(AppendResult result) {
        for (AppendListener listener : listeners) {
            listener.appended(result);
        }
    }

    public void notifyAppended(AppendResult result) {
        for (AppendListener listener : listeners) {
            try {
                listener.appended(result);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> AF1114.with(listener, result.streamId()).toString());
            }
        }
    }
}
