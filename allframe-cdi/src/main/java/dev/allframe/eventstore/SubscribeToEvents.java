package dev.allframe.eventstore;

/** Registers listeners told about committed appends. */
public interface SubscribeToEvents {

    Subscription subscribe(AppendListener listener);
}
