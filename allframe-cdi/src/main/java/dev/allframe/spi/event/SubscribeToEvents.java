package dev.allframe.spi.event;

/** Registers listeners told about committed appends. */
public interface SubscribeToEvents {

    Subscription subscribe(AppendListener listener);
}
