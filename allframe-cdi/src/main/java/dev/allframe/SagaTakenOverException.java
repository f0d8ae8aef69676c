package dev.allframe;

import dev.allframe.core.AllFrameMessages;
import java.util.UUID;

/**
 * A process lost a saga it was running: its lease ran out (it could not renew it in time) and another
 * process took the saga over to compensate it. The first process stops working on it.
 */
public class SagaTakenOverException extends AllFrameException {

    public SagaTakenOverException(String saga, UUID sagaId, String owner) {
        super(AllFrameMessages.sagaTakenOver(saga, sagaId, owner));
    }
}
