package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.StreamId;
import dev.allframe.memory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

class StreamIdViolationTest {

    record Close(@StreamId String account) {
    }

    record Closed(String account) {
    }

    static class Accounts {
        @CommandHandler
        Closed close(Close command) {
            return new Closed(command.account());
        }
    }

    @Test
    void aNullStreamIdIsAViolationOfTheStreamIdMember() {
        InMemoryEventStore store = new InMemoryEventStore();
        CommandDispatcher bus = TestBuses.commandBus(store, 0, new Accounts());

        assertThatThrownBy(() -> bus.dispatch(new Close(null)))
                .isInstanceOfSatisfying(CommandValidationException.class, invalid -> assertThat(invalid.violations())
                        .containsExactly(new Violation("account",
                                "AF1107: must not be null: it is the command's @StreamId")));
        assertThat(store.headPosition()).isZero();
    }
}
