package dev.allframe.spi.event;

import dev.allframe.command.UnstorableValueException;
import java.util.Collection;

/**
 * What every event store keeps of an append's ids: stream id, type name, correlation id, causation id, idempotency
 * key and scope, and each tag of an event, have at most {@value #MAX_ID_LENGTH} characters ({@link String#length()})
 * and no U+0000. These are the columns of the JPA store's tables; the in-memory store refuses the same values, so that
 * a test in memory tells what production does. {@link AppendRequest} checks them when it is made, so no store sees an append
 * it cannot keep; a store answers reads of an id it cannot keep with nothing ({@link #storable}). Payloads and
 * metadata have no limit here.
 */
public final class StoreLimits {

    /** The most characters of any id a store keeps. */
    public static final int MAX_ID_LENGTH = 200;

    private StoreLimits() {
    }

    /**
     * Checks the ids of an append to {@code streamId}; {@code null} stands for an absent one.
     *
     * @throws UnstorableValueException naming the first id that no store keeps
     */
    public static void check(String streamId, String idempotencyKey, String idempotencyScope, String correlationId,
                             String causationId) {
        check(streamId, "stream id", streamId);
        check(streamId, "idempotency key", idempotencyKey);
        check(streamId, "idempotency scope", idempotencyScope);
        check(streamId, "correlation id", correlationId);
        check(streamId, "causation id", causationId);
    }

    /**
     * Checks the type name, correlation id and causation id of an event appended to {@code streamId}.
     *
     * @throws UnstorableValueException naming the first id that no store keeps
     */
    public static void check(String streamId, NewEvent event) {
        check(streamId, "type name", event.typeName());
        checkTags(streamId, event.tags());
        check(streamId, "correlation id", event.correlationId());
        check(streamId, "causation id", event.causationId());
    }

    /**
     * Checks the tags of an event of {@code streamId}.
     *
     * @throws UnstorableValueException naming the first tag that no store keeps
     */
    public static void checkTags(String streamId, Collection<String> tags) {
        for (String tag : tags) {
            check(streamId, "tag", tag);
        }
    }

    /** Whether a store can keep {@code id}: a read of an id it cannot keep finds nothing. */
    public static boolean storable(String id) {
        return id.length() <= MAX_ID_LENGTH && id.indexOf('\u0000') < 0;
    }

    private static void check(String streamId, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw UnstorableValueException.tooLong(streamId, name, value.length(), MAX_ID_LENGTH);
        }
        if (value.indexOf('\u0000') >= 0) {
            throw UnstorableValueException.nulCharacter(streamId, name, value.length(), MAX_ID_LENGTH);
        }
    }
}
