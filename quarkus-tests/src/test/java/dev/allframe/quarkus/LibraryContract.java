package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.library.LibraryCommand;
import com.example.library.Loans;
import com.example.library.Members;
import com.example.library.TwoBooks;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an application does with AllFrame on Quarkus, whichever store keeps its events. */
abstract class LibraryContract {

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProjectionRegistry projections;

    @Inject
    SagaOrchestrator sagas;

    static String isbn() {
        return "isbn-" + UUID.randomUUID();
    }

    @Test
    void aHandlerDecidesOnTheStreamsStateAndAProjectionAnswersAfterIt() throws InterruptedException {
        String isbn = isbn();
        commands.dispatch(new LibraryCommand.Register(isbn, "Dune"));
        CommandResult lent = commands.dispatch(new LibraryCommand.Lend(isbn, "ada"));

        assertThat(projections.awaitPosition("loans", lent.lastPosition(), Duration.ofSeconds(30))).isTrue();
        assertThat(queries.query(new Loans.ReaderOf(isbn))).isEqualTo(Optional.of("ada"));
        assertThatThrownBy(() -> commands.dispatch(new LibraryCommand.Lend(isbn, "bob")))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: " + isbn + " is lent to ada");
    }

    @Test
    void aCommandDecidedOverAQueryFindsTheEventsOfOtherStreams() {
        String card = "card-" + UUID.randomUUID();
        commands.dispatch(new Members.Join("member-" + card, card));

        assertThatThrownBy(() -> commands.dispatch(new Members.Join("other-" + card, card)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: card " + card + " is held by member-" + card);
    }

    @Test
    void anInvalidCommandIsRefusedBeforeItsHandlerWithTheContainersValidator() {
        String isbn = isbn();
        commands.dispatch(new LibraryCommand.Register(isbn, "Emma"));

        assertThatThrownBy(() -> commands.dispatch(new LibraryCommand.Lend(isbn, " ")))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: " + LibraryCommand.Lend.class.getName() + " is invalid: reader: must not be blank");
        commands.dispatch(new LibraryCommand.Lend(isbn, "carol"));
    }

    @Test
    void aSagaOfStepBeansCompletesOrCompensatesInReverseOrder() {
        String first = isbn();
        String second = isbn();
        commands.dispatch(new LibraryCommand.Register(first, "Ulysses"));
        commands.dispatch(new LibraryCommand.Register(second, "Walden"));

        SagaOutcome lent = sagas.start("lend-two", new TwoBooks(first, second, "dora"));
        assertThat(lent).isInstanceOf(SagaOutcome.Completed.class);
        // what the saga's log holds, as the store reads it back
        assertThat(sagas.status(lent.sagaId()).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
        assertThat(sagas.history(lent.sagaId())).extracting(e -> e.step() + " " + e.action() + " " + e.result())
                .containsExactly("1 EXECUTE SUCCEEDED", "2 EXECUTE SUCCEEDED");

        String third = isbn();
        commands.dispatch(new LibraryCommand.Register(third, "Middlemarch"));
        SagaOutcome refused = sagas.start("lend-two", new TwoBooks(third, second, "eve"));

        assertThat(refused).isInstanceOf(SagaOutcome.Compensated.class);
        assertThat(((SagaOutcome.Compensated) refused).failure().step()).isEqualTo(2);
        assertThat(sagas.status(refused.sagaId()).orElseThrow().state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(sagas.history(refused.sagaId())).extracting(e -> e.step() + " " + e.action() + " " + e.result())
                .containsExactly("1 EXECUTE SUCCEEDED", "2 EXECUTE FAILED", "2 COMPENSATE SUCCEEDED",
                        "1 COMPENSATE SUCCEEDED");
        // the first step's loan was given back: the book can be lent again
        commands.dispatch(new LibraryCommand.Lend(third, "frank"));
    }

    @Test
    void aProducedSagaDefinitionRunsBesideTheStepBeans() {
        String first = isbn();
        String second = isbn();
        commands.dispatch(new LibraryCommand.Register(first, "Kindred"));
        commands.dispatch(new LibraryCommand.Register(second, "Lolita"));

        assertThat(sagas.sagas()).contains("lend-two", "quick-lend-two");
        assertThat(sagas.start("quick-lend-two", new TwoBooks(first, second, "gus")))
                .isInstanceOf(SagaOutcome.Completed.class);
        assertThatThrownBy(() -> commands.dispatch(new LibraryCommand.Lend(second, "hank")))
                .isInstanceOf(CommandRejectedException.class);
    }
}
