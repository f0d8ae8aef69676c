package dev.allframe.jpa.internal;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendCondition.AnyVersion;
import dev.allframe.spi.event.AppendCondition.NoStream;
import dev.allframe.spi.event.AppendCondition.StreamVersionEq;
import dev.allframe.spi.event.AppendRequest;
import java.util.OptionalLong;

/**
 * The stream version an append condition expects, taken from which of the sealed {@link AppendCondition}'s
 * permitted types it is: none for {@link AnyVersion}, 0 for {@link NoStream}, the exact version for
 * {@link StreamVersionEq}. No number stands for "any version", so none can reach a statement's parameters or
 * a reported conflict by mistake.
 */
public final class AppendConditions {

    private AppendConditions() {
    }

    /** The version {@code condition} expects; empty when any version will do. */
    public static OptionalLong expectedVersion(AppendCondition condition) {
        if (condition instanceof StreamVersionEq exact) {
            return OptionalLong.of(exact.version());
        }
        if (condition instanceof NoStream) {
            return OptionalLong.of(0);
        }
        if (condition instanceof AnyVersion) {
            return OptionalLong.empty();
        }
        throw new IllegalArgumentException("Unknown append condition " + condition);
    }

    /**
     * The conflict of {@code request}, refused with its stream at {@code actualVersion}.
     *
     * @throws IllegalStateException the request's condition accepts any version, so it cannot be refused
     */
    public static ConcurrencyConflictException conflict(AppendRequest request, long actualVersion) {
        long expected = expectedVersion(request.condition()).orElseThrow(() -> new IllegalStateException(
                "An append to any version of stream '" + request.streamId() + "' cannot be refused for its version"));
        return new ConcurrencyConflictException(request.streamId(), expected, actualVersion);
    }
}
