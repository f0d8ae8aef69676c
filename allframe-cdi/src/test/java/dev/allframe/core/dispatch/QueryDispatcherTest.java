package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.CommandValidationException;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.NoHandlerException;
import dev.allframe.query.Query;
import dev.allframe.query.QueryHandler;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

class QueryDispatcherTest {

    record Square(@Min(0) int n) implements Query<Integer> {
    }

    record Describe(int n) {
    }

    record Unanswered() {
    }

    static class Maths {
        @QueryHandler
        Integer square(Square query) {
            return query.n() * query.n();
        }

        @QueryHandler
        Object describe(Describe query) {
            if (query.n() < 0) {
                throw new ArithmeticException("negative");
            }
            return query.n() == 0 ? "zero" : query.n();
        }
    }

    private final QueryDispatcher bus = TestBuses.queryBus(new Maths());

    @Test
    void answersTypedQueries() {
        int answer = bus.query(new Square(7));

        assertThat(answer).isEqualTo(49);
    }

    @Test
    void answersUntypedQueriesCheckingTheAnswersType() {
        assertThat(bus.query(new Describe(0), String.class)).isEqualTo("zero");
        assertThatThrownBy(() -> bus.query(new Describe(5), String.class))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1111: The answer to dev.allframe.core.dispatch.QueryDispatcherTest$Describe is a"
                        + " java.lang.Integer, not a java.lang.String");
    }

    @Test
    void validatesQueries() {
        assertThatThrownBy(() -> bus.query(new Square(-1)))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: dev.allframe.core.dispatch.QueryDispatcherTest$Square is invalid: "
                        + "n: must be greater than or equal to 0");
    }

    @Test
    void handlerFailuresNameTheHandler() {
        assertThatThrownBy(() -> bus.query(new Describe(-1), Object.class))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1105: Handler dev.allframe.core.dispatch.QueryDispatcherTest$Maths#describe(Describe)"
                        + " failed on dev.allframe.core.dispatch.QueryDispatcherTest$Describe:"
                        + " java.lang.ArithmeticException: negative")
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void unknownQueryTypesNameTheKnownOnes() {
        assertThatThrownBy(() -> bus.query(new Unanswered(), Object.class))
                .isInstanceOf(NoHandlerException.class)
                .hasMessage("AF1102: No @QueryHandler answers dev.allframe.core.dispatch.QueryDispatcherTest$Unanswered;"
                        + " known query types: dev.allframe.core.dispatch.QueryDispatcherTest$Describe,"
                        + " dev.allframe.core.dispatch.QueryDispatcherTest$Square");
    }
}
