package dev.allframe.event;

/**
 * Gives the events stored before their class carried its {@link Tag}s (or other ones) the tags their class gives
 * them now, so that decisions over queries find them: run it once after adding or changing {@code @Tag} on an event
 * class that has stored events, before the commands that decide over those tags run. Each event is read as the
 * store's reads give it, in its newest version, and its tags are computed from that; the events themselves are not
 * changed. The store works through the log a page at a time, each page in a transaction of its own, so it may run
 * beside the application; a page that fails ends the run with its error, and a run again goes through the whole log.
 */
public interface TagBackfill {

    /** Goes through the whole log once; logs what it did ({@code AF1206}). */
    Result run();

    /**
     * What a run did.
     *
     * @param read     the events read
     * @param retagged the events that got other tags
     * @param readTo   the position of the last event read
     */
    record Result(long read, long retagged, long readTo) {
    }
}
