package dev.allframe.core.handler;

/** Which annotation a handler method carries. */
public enum HandlerKind {
    COMMAND("CommandHandler"),
    QUERY("QueryHandler");

    private final String annotation;

    HandlerKind(String annotation) {
        this.annotation = annotation;
    }

    /** The annotation's simple name, for messages. */
    public String annotation() {
        return annotation;
    }
}
