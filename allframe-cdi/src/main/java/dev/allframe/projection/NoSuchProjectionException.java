package dev.allframe.projection;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;

/** A projection name that no {@link Projection} bean has. */
public class NoSuchProjectionException extends AllFrameException {

    public NoSuchProjectionException(AllFrameMessage message) {
        super(message);
    }
}
