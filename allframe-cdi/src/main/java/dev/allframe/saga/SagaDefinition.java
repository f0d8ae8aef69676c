package dev.allframe.saga;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A saga defined in code rather than with {@link SagaStep} beans:
 * {@code SagaDefinition.<Transfer>named("transfer").step(debit).step(credit)}. In a CDI application,
 * produce it as a bean ({@code @Produces SagaDefinition}) and AllFrame runs it like any other saga.
 *
 * <p>AllFrame bounds each step's execution with the timeout given here or {@code allframe.saga.step-timeout}.
 *
 * @param <I> the saga's input
 */
public final class SagaDefinition<I> {

    private final String name;
    private final List<Entry> steps;

    private SagaDefinition(String name, List<Entry> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /**
     * A step of the definition.
     *
     * @param timeout empty for {@code allframe.saga.step-timeout}
     */
    public record Entry(String name, Step<?> step, Optional<Duration> timeout) {

        public Entry {
            requireNonNull(name, "name");
            requireNonNull(step, "step");
            requireNonNull(timeout, "timeout");
        }
    }

    public static <I> SagaDefinition<I> named(String name) {
        return new SagaDefinition<>(requireNonNull(name, "name"), List.of());
    }

    /** Adds a step named after its class (or {@code step-<n>} for a lambda). */
    public SagaDefinition<I> step(Step<? super I> step) {
        return step(defaultName(step), step);
    }

    public SagaDefinition<I> step(String stepName, Step<? super I> step) {
        return with(new Entry(stepName, step, Optional.empty()));
    }

    public SagaDefinition<I> step(String stepName, Step<? super I> step, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return with(new Entry(stepName, step, Optional.of(timeout)));
    }

    public String name() {
        return name;
    }

    public List<Entry> steps() {
        return steps;
    }

    private SagaDefinition<I> with(Entry entry) {
        List<Entry> more = new ArrayList<>(steps);
        more.add(entry);
        return new SagaDefinition<>(name, more);
    }

    private String defaultName(Step<?> step) {
        Class<?> type = requireNonNull(step, "step").getClass();
        return type.isAnonymousClass() || type.isSynthetic() || type.isHidden()
                ? "step-" + (steps.size() + 1) : type.getSimpleName();
    }
}
