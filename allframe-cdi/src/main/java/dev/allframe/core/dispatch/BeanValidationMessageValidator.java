package dev.allframe.core.dispatch;

import static java.util.Objects.requireNonNull;

import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates with Jakarta Validation. Whether a class has constraints at all is asked once per class, so
 * unconstrained commands cost a class-value lookup.
 */
public final class BeanValidationMessageValidator implements MessageValidator {

    private final Validator validator;
    private final ClassValue<Boolean> constrained = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return validator.getConstraintsForClass(type).isBeanConstrained();
        }
    };

    public BeanValidationMessageValidator(Validator validator) {
        this.validator = requireNonNull(validator, "validator");
    }

    @Override
    public void validate(Object message) {
        if (!constrained.get(message.getClass())) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            List<Violation> sorted = violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
                    .toList();
            throw new CommandValidationException(message.getClass().getName(), sorted);
        }
    }
}
