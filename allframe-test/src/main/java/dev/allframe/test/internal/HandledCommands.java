package dev.allframe.test.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands the application's handlers ran on, in the order they ran, on any thread: what a saga's steps
 * dispatched, for instance. A command retried after a conflict appears once per run.
 */
public final class HandledCommands {

    private final List<Object> handled = new ArrayList<>();

    synchronized void add(Object command) {
        handled.add(command);
    }

    /** How many commands were handled so far: a mark to take {@link #since} from. */
    public synchronized int mark() {
        return handled.size();
    }

    /** The commands handled after {@code mark}. */
    public synchronized List<Object> since(int mark) {
        return List.copyOf(handled.subList(mark, handled.size()));
    }
}
