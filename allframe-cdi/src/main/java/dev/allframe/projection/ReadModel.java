package dev.allframe.projection;

/** Where a projection keeps its read model, which decides what happens to it when the application starts. */
public enum ReadModel {
    /**
     * In the application's memory (a map in the bean), so gone after a restart: the projection is rebuilt from the
     * whole log at every start, and its position is kept in memory. An async one replays the log in the background,
     * {@link ProjectionState#REBUILDING} (readiness DOWN, reads that wait see the complete model) until it reached
     * the head it found at start; an inline one is replayed before it sees the next append, which waits meanwhile.
     */
    MEMORY,
    /**
     * Outside the application (a table written through the store's transaction, a search index), so it outlives a
     * restart: an async projection goes on from the checkpoint the store keeps (the JPA store moves it in the
     * batch's transaction); an inline one goes on with the appends after the start.
     */
    STORED
}
