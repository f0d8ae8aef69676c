package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.UnstorableValueException;
import dev.allframe.EventEnvelope;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.command.CommandOptions;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.testing.ForwardingEventStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command whose stream id, or whose options' ids, no event store keeps is refused before the store is asked
 * anything: no read with an id a database cannot compare, no handler call, nothing stored.
 */
class StoreLimitsDispatchTest {

    private static final String LONG = "z".repeat(300);

    private final RecordingStore store = new RecordingStore();
    private final CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());

    @BeforeEach
    void openAccount() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        store.calls.clear();
    }

    @Test
    void aStreamIdLongerThanTwoHundredCharacters() {
        assertRefused(() -> bus.dispatch(new OpenAccount(LONG, "Ada")),
                "AF1186: Append to stream '" + "z".repeat(40) + "...' refused: its stream id is 300 characters long,"
                + " more than the 200 every event store keeps; nothing was stored");
    }

    @Test
    void aCorrelationIdLongerThanTwoHundredCharacters() {
        assertRefused(() -> bus.dispatch(new Deposit("A", BigDecimal.TEN), CommandOptions.none().correlationId(LONG)),
                "AF1186: Append to stream 'A' refused: its correlation id is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void aCausationIdLongerThanTwoHundredCharacters() {
        assertRefused(() -> bus.dispatch(new Deposit("A", BigDecimal.TEN), CommandOptions.none().causationId(LONG)),
                "AF1186: Append to stream 'A' refused: its causation id is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void anIdempotencyKeyLongerThanTwoHundredCharacters() {
        assertRefused(() -> bus.dispatch(new Deposit("A", BigDecimal.TEN), CommandOptions.none().idempotencyKey(LONG)),
                "AF1186: Append to stream 'A' refused: its idempotency key is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void anIdempotencyScopeLongerThanTwoHundredCharacters() {
        assertRefused(() -> bus.dispatch(new Deposit("A", BigDecimal.TEN),
                        CommandOptions.none().idempotencyKey("k").idempotencyScope(LONG)),
                "AF1186: Append to stream 'A' refused: its idempotency scope is 300 characters long, more than the"
                + " 200 every event store keeps; nothing was stored");
    }

    private void assertRefused(Runnable dispatch, String message) {
        assertThatThrownBy(dispatch::run).isInstanceOf(UnstorableValueException.class).hasMessage(message);

        assertThat(store.calls).as("what the store was asked").isEmpty();
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("A");
    }

    /** Records every read and append made through it. */
    private static final class RecordingStore extends ForwardingEventStore {

        final List<String> calls = new ArrayList<>();

        @Override
        public AppendResult append(AppendRequest request) {
            calls.add("append");
            return super.append(request);
        }

        @Override
        public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
            calls.add("readStream");
            return super.readStream(streamId, fromVersion, maxCount);
        }

        @Override
        public long streamVersion(String streamId) {
            calls.add("streamVersion");
            return super.streamVersion(streamId);
        }

        @Override
        public Optional<AppendResult> findByIdempotencyKey(String key) {
            calls.add("findByIdempotencyKey");
            return super.findByIdempotencyKey(key);
        }
    }
}
