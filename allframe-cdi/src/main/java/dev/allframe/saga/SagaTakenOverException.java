package dev.allframe.saga;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;
import java.util.UUID;

/**
 * A process lost a saga it was running: its lease ran out (it could not renew it in time) and another
 * process took the saga over to compensate it. The first process stops working on it.
 */
public class SagaTakenOverException extends AllFrameException {

    private static final MessageTemplate AF1144 = new MessageTemplate("AF1144",
            "Saga '%s' (%s) was taken over by process %s after this process's lease ran out; this process"
            + " stops working on it");

    public SagaTakenOverException(String saga, UUID sagaId, String owner) {
        super(AF1144.with(saga, sagaId, owner));
    }
}
