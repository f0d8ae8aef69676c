package dev.allframe.spi.event;

import dev.allframe.command.IdempotencyScopeClosedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Looks up the appends made with an idempotency key, and closes scopes of keys. A scope groups the keys of one
 * piece of work (a saga step's execution) so that whoever gives that work up can find out what it stored and keep
 * it from storing anything more. Keys and closed scopes are kept until AllFrame's retention removes them
 * ({@link #pruneIdempotencyKeys}, {@link #pruneClosedScopes}): a key removed is unknown from then on, so an append
 * carrying it again is stored anew.
 */
public interface IdempotencyKeys {

    /** The result of the append that first used {@code key}, marked as duplicate; empty when unused. */
    Optional<AppendResult> findByIdempotencyKey(String key);

    /**
     * Closes {@code scope}: from the moment this returns, the store refuses every append carrying it with
     * {@link IdempotencyScopeClosedException}, also one that was already waiting to be stored, and stores nothing of
     * it (an append repeating a key stored before is a duplicate, as always). Atomic with the appends: each append of
     * the scope was either stored before, and is in the answer, or is refused.
     *
     * @return the appends stored with the scope, in the order of their events' positions (those that stored no
     *         event may come first), marked as duplicates; the same again when the scope is closed a second time
     */
    List<AppendResult> closeScope(String scope);

    /**
     * Removes up to {@code limit} idempotency keys stored before {@code before}, oldest first, except those whose
     * scope is closed: they are removed with their scope ({@link #pruneClosedScopes}). Leaves the events alone. One
     * short transaction of its own, which holds up no append; calls of several processes at once are safe, each key
     * being removed once.
     *
     * @return how many keys it removed: fewer than {@code limit} when it found no more (or another process is
     *         removing them)
     */
    int pruneIdempotencyKeys(Instant before, int limit);

    /**
     * Removes up to {@code limit} scopes closed before {@code before}, oldest first, each together with the keys
     * stored with it, in one short transaction of its own, as {@link #pruneIdempotencyKeys}. A scope removed is
     * unknown from then on: an append carrying it is no longer refused.
     *
     * @return how many scopes it removed: fewer than {@code limit} when it found no more
     */
    int pruneClosedScopes(Instant before, int limit);
}
