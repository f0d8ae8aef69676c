package dev.allframe.spi.event;

import java.util.Optional;

/** Looks up the appends made with an idempotency key. */
public interface IdempotencyKeys {

    /** The result of the append that first used {@code key}, marked as duplicate; empty when unused. */
    Optional<AppendResult> findByIdempotencyKey(String key);
}
