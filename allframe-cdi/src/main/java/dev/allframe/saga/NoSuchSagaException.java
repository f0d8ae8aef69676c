package dev.allframe.saga;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;

/** A saga name that no {@link SagaStep} bean or {@link SagaDefinition} has. */
public class NoSuchSagaException extends AllFrameException {

    public NoSuchSagaException(AllFrameMessage message) {
        super(message);
    }
}
