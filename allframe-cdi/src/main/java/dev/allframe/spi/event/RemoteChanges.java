package dev.allframe.spi.event;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the processes sharing a store commit, told to each of them as it happens, for a store several processes share
 * (the JPA store on PostgreSQL): so that a process wakes within milliseconds of another's append, batch or operator's
 * request instead of at its next poll. Telling is a hint, not a log: what is missed (a connection lost, a process
 * started late) is found at the next poll, which stays.
 */
public interface RemoteChanges {

    /**
     * Calls {@code listener} with each change committed from now on by any process, this one included, until the
     * subscription is closed or listening fails ({@link RemoteChangeListener#lost}); a store may leave out this
     * process's own appends, which its subscribers heard of as they committed. The listening is a task on
     * {@code executor}, which it occupies until then.
     *
     * @return empty when the store cannot tell: a database without notifications, or a schema without what sends them
     */
    Optional<Subscription> listen(Executor executor, RemoteChangeListener listener);

    /**
     * Where the store tells the processes sharing it of this one's commits, when it tells them itself after each
     * commit: short tasks, one at a time, on {@code executor}, instead of on the thread that committed. Called once
     * at start; by default nothing.
     */
    default void tellOthersOn(Executor executor) {
    }
}
