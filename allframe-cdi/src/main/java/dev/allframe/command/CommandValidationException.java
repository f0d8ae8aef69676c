package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command (or query) violates its Jakarta Validation constraints. It lists every violation; the
 * handler was not called and nothing was stored.
 */
public class CommandValidationException extends AllFrameException {

    private static final MessageTemplate AF1103 = new MessageTemplate("AF1103",
            "%s is invalid: %s");

    private final String messageType;
    private final List<Violation> violations;

    public CommandValidationException(String messageType, List<Violation> violations) {
        super(AF1103.with(messageType, violations.stream()
                .map(v -> (v.path().isEmpty() ? "" : v.path() + ": ") + v.message())
                .collect(Collectors.joining("; "))));
        this.messageType = messageType;
        this.violations = List.copyOf(violations);
    }

    /** The invalid command's or query's class name. */
    public String messageType() {
        return messageType;
    }

    /** Every violation, ordered by property path. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * One violated constraint.
     *
     * @param path    the property path, e.g. {@code owner} or {@code address.city}; empty for the
     *                command itself
     * @param message the constraint's message
     */
    public record Violation(String path, String message) {
    }
}
