package dev.allframe.core.dispatch;

import dev.allframe.command.CommandValidationException;

/** Validates commands and queries before their handler runs. */
@FunctionalInterface
public interface MessageValidator {

    /** Validates nothing: for applications without a Jakarta Validation provider. */
    MessageValidator NONE = message -> {
    };

    /**
     * @throws CommandValidationException listing every violation of {@code message}
     */
    void validate(Object message);
}
