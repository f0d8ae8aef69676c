package dev.allframe;

import static java.util.Objects.requireNonNull;

/**
 * A user-facing message: a stable id such as {@code AF1101} and the text, shown as {@code AF1101: text}. Every
 * exception AllFrame raises and every line it logs carries one; the catalogue in the documentation lists them
 * by id.
 *
 * @param id   {@code AF} and four digits
 * @param text what happened, naming what and where
 */
public record AllFrameMessage(String id, String text) {

    public AllFrameMessage {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
        if (!MessageTemplate.isId(id)) {
            throw new IllegalArgumentException("not a message id (AF and four digits): " + id);
        }
    }

    /** How messages name a cause: its class, and its message when it has one. */
    public static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
