package dev.allframe;

/** A saga name that no {@link SagaStep} bean or {@link SagaDefinition} has. */
public class NoSuchSagaException extends AllFrameException {

    public NoSuchSagaException(String message) {
        super(message);
    }
}
