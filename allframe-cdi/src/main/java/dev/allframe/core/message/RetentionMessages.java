package dev.allframe.core.message;

import static dev.allframe.core.message.Texts.count;
import static dev.allframe.core.message.Texts.duration;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.time.Duration;
import java.time.Instant;

/** What retention, which removes old idempotency keys, closed scopes and finished sagas, reports while it runs. */
public final class RetentionMessages {

    static final MessageTemplate AF1190 = new MessageTemplate("AF1190",
            "Retention failed, and runs again in %s; what it removed before stays removed, the rest is kept until"
            + " then: %s");
    static final MessageTemplate AF1191 = new MessageTemplate("AF1191",
            "Idempotency keys and closed scopes stored since %s are kept beyond their retention of %s: a saga that"
            + " started at %s is still unfinished (running or compensating) and may need them; they are removed once"
            + " no saga that old is unfinished");
    static final MessageTemplate AF1202 = new MessageTemplate("AF1202",
            "Retention removed %s, %s (each with its keys) and %s (each with its history)");

    private RetentionMessages() {
    }

    public static AllFrameMessage runFailed(Duration interval, Throwable cause) {
        return AF1190.with(duration(interval), AllFrameMessage.describe(cause));
    }

    public static AllFrameMessage keptForUnfinishedSaga(Instant keptSince, Duration retention, Instant sagaStarted) {
        return AF1191.with(keptSince, duration(retention), sagaStarted);
    }

    public static AllFrameMessage removed(int keys, int scopes, int sagas) {
        return AF1202.with(count(keys, "idempotency key"), count(scopes, "closed idempotency scope"),
                count(sagas, "finished saga"));
    }
}
