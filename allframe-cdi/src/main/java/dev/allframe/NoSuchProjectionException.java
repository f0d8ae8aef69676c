package dev.allframe;

/** A projection name that no {@link Projection} bean has. */
public class NoSuchProjectionException extends AllFrameException {

    public NoSuchProjectionException(String message) {
        super(message);
    }
}
