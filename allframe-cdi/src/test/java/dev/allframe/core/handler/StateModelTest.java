package dev.allframe.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.Apply;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.InitialState;
import dev.allframe.core.EventIds;
import dev.allframe.core.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateModelTest {

    interface Shape {
    }

    interface Round extends Shape {
    }

    record Circle(int r) implements Round {
    }

    record Square(int side) implements Shape {
    }

    record Unrelated() {
    }

    record Broken() {
    }

    /** Immutable: {@code @Apply} returns the next state. */
    record Tally(List<String> seen) {
        @InitialState
        static Tally empty() {
            return new Tally(List.of());
        }

        @Apply
        Tally any(Shape shape) {
            return with("shape");
        }

        @Apply
        Tally round(Round round) {
            return with("round");
        }

        @Apply
        Tally broken(Broken broken) {
            throw new IllegalArgumentException("cannot apply");
        }

        private Tally with(String label) {
            List<String> next = new ArrayList<>(seen);
            next.add(label);
            return new Tally(next);
        }
    }

    /** Mutable: {@code void} {@code @Apply} methods, no-argument constructor. */
    static class Counter {
        int count;

        @Apply
        void on(Circle circle) {
            count += circle.r();
        }
    }

    @Test
    void theClosestApplyMethodTakesEachEventAndUnknownEventsChangeNothing() {
        StateModel model = inspect(Tally.class);

        Object state = model.initial();
        for (Object event : List.of(new Circle(1), new Square(2), new Unrelated())) {
            state = model.apply(state, envelope(event, 1));
        }

        assertThat(((Tally) state).seen()).containsExactly("round", "shape");
    }

    @Test
    void voidApplyMethodsChangeTheStateInPlace() {
        StateModel model = inspect(Counter.class);

        Object state = model.initial();
        state = model.apply(state, envelope(new Circle(2), 1));
        state = model.apply(state, envelope(new Circle(3), 2));

        assertThat(((Counter) state).count).isEqualTo(5);
    }

    @Test
    void applyFailuresNameTheMethodTheEventAndItsPlace() {
        StateModel model = inspect(Tally.class);

        assertThatThrownBy(() -> model.apply(model.initial(), envelope(new Broken(), 7)))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1106: @Apply method dev.allframe.core.handler.StateModelTest$Tally#broken(Broken) failed"
                        + " on event Broken version 7 of stream 'stream-1': java.lang.IllegalArgumentException: cannot apply")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    private static StateModel inspect(Class<?> type) {
        Problems problems = new Problems();
        StateModel model = StateModelInspector.inspect(type, "handler", problems).orElseThrow();
        assertThat(problems.messages()).isEmpty();
        return model;
    }

    private static EventEnvelope envelope(Object event, long version) {
        return new EventEnvelope(EventIds.next(), "stream-1", version, version, event.getClass().getSimpleName(), 1,
                Instant.now(), "c", "c", null, event);
    }
}
