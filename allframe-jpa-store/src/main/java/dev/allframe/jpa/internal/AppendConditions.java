package dev.allframe.jpa.internal;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.AppendRequest;

/**
 * The conflict an append is refused with, built from its condition's expected version: an append to any version
 * expects none, so it can never be reported as a conflict.
 */
public final class AppendConditions {

    private AppendConditions() {
    }

    /**
     * The conflict of {@code request}, refused with its stream at {@code actualVersion}.
     *
     * @throws IllegalStateException the request's condition accepts any version, so it cannot be refused
     */
    public static ConcurrencyConflictException conflict(AppendRequest request, long actualVersion) {
        long expected = request.condition().expectedVersion().orElseThrow(() -> new IllegalStateException(
                "An append to any version of stream '" + request.streamId() + "' cannot be refused for its version"));
        return new ConcurrencyConflictException(request.streamId(), expected, actualVersion);
    }
}
