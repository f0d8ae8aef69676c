package dev.allframe.saga;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts sagas and tells where they are. Inject it: {@code @Inject SagaOrchestrator sagas;}
 *
 * <p>A saga runs its steps in order. When one fails or times out, it compensates that step and then every
 * earlier one in reverse order; a failing compensation is recorded and the others still run. The saga
 * and its history are stored as it advances, each change in a transaction of its own: a saga never joins
 * its caller's transaction. Sagas a stopped process left unfinished are compensated when the application
 * starts again (or by another instance on the same database, once their lease ran out).
 */
public interface SagaOrchestrator {

    /**
     * Runs saga {@code saga} with {@code input} and returns once it has ended.
     *
     * @throws NoSuchSagaException no saga has this name
     */
    SagaOutcome start(String saga, Object input);

    /**
     * Starts saga {@code saga} on another thread; the id is known at once.
     *
     * @throws NoSuchSagaException no saga has this name
     */
    SagaExecution startAsync(String saga, Object input);

    Optional<SagaStatus> status(UUID sagaId);

    /** Every execution and compensation of the saga's steps, in the order they started. */
    List<SagaLogEntry> history(UUID sagaId);

    /** Sagas running or compensating, here or in another process on the same store. */
    List<SagaStatus> unfinished();

    /** The names of the sagas this application defines. */
    List<String> sagas();
}
