package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.Handlers;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.bank.Withdraw;
import dev.allframe.command.Apply;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.InitialState;
import dev.allframe.command.StreamId;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.testing.ForwardingEventStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folded states kept between commands: what a command reads, and when a kept state is no longer used. */
class StateCacheTest {

    private final SwitchingStore store = new SwitchingStore(new InMemoryEventStore());

    @Test
    void aCommandOnAStateTheServerFoldedOnWithItsOwnCommittedEventsReadsNothing() {
        CommandDispatcher bus = bus(store, 10_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        for (int i = 0; i < 5; i++) {
            bus.dispatch(new Deposit("A", BigDecimal.TEN));
        }
        store.readsFrom.clear();

        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("50")));

        assertThat(store.readsFrom).as("the state after the last deposit, whose events the store reported committed")
                .isEmpty();
        assertThat(result.streamVersion()).isEqualTo(7);
        assertThat(store.conditions).last().isEqualTo(AppendCondition.streamVersionEq(6));
    }

    @Test
    void aCommandReadsTheStreamFromTheEventItsKeptStateWasFoldedUpToWhenTheEventsAreNotKnownCommitted() {
        store.committed = false; // as in a caller's JTA transaction, which may still roll back
        CommandDispatcher bus = bus(store, 10_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        for (int i = 0; i < 5; i++) {
            bus.dispatch(new Deposit("A", BigDecimal.TEN));
        }
        store.readsFrom.clear();

        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("50")));

        assertThat(store.readsFrom).as("the state was kept as the last command found it, at version 5")
                .containsExactly(5L);
        assertThat(result.streamVersion()).isEqualTo(7);
    }

    @Test
    void aCommandOnAKeptStateAnotherServerMadeOldMeetsAConflictAndIsDecidedAgainOnWhatTheStreamHolds() {
        CommandDispatcher here = bus(store, 10_000, new TallyHandlers());
        CommandDispatcher there = bus(store, 10_000, new TallyHandlers());
        here.dispatch(new Raise("T"));
        here.dispatch(new Raise("T"));
        there.dispatch(new Lower("T"));
        store.readsFrom.clear();
        store.conditions.clear();

        CommandResult result = here.dispatch(new Raise("T"));

        assertThat(store.conditions).as("on the kept state's version, then on the version read")
                .containsExactly(AppendCondition.streamVersionEq(2), AppendCondition.streamVersionEq(3));
        assertThat(store.readsFrom).containsExactly(2L);
        assertThat(result.streamVersion()).isEqualTo(4);
        assertThat(result.events().get(0).event(Raised.class).count()).as("decided on the lowered count")
                .isEqualTo(2);
    }

    @Test
    void aCommandRefusedOnAKeptStateIsDecidedAgainWhenTheStreamHoldsNewerEvents() {
        CommandDispatcher here = bus(store, 10_000, new AccountCommands());
        CommandDispatcher there = bus(store, 10_000, new AccountCommands());
        here.dispatch(new OpenAccount("A", "Ada"));
        here.dispatch(new Deposit("A", BigDecimal.TEN));
        there.dispatch(new Deposit("A", new BigDecimal("100")));
        store.readsFrom.clear();

        CommandResult result = here.dispatch(new Withdraw("A", new BigDecimal("110")));

        assertThat(result.streamVersion()).isEqualTo(4);
        assertThat(store.readsFrom).as("from the kept state's event on, once refused").containsExactly(2L);
    }

    @Test
    void aRefusalOnAKeptStateTheStreamStillHoldsStands() {
        CommandDispatcher bus = bus(store, 10_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        store.readsFrom.clear();

        assertThatThrownBy(() -> bus.dispatch(new Withdraw("A", new BigDecimal("50"))))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("insufficient funds");
        assertThat(store.readsFrom).as("checked against the stream once").containsExactly(2L);
        assertThat(store.conditions).as("nothing appended for the refused command").hasSize(2);
    }

    @Test
    void aCommandStoringNothingOnAKeptStateIsDecidedAgainWhenTheStreamHoldsNewerEvents() {
        CommandDispatcher here = bus(store, 10_000, new TallyHandlers());
        CommandDispatcher there = bus(store, 10_000, new TallyHandlers());
        here.dispatch(new Raise("T"));
        here.dispatch(new Raise("T"));
        there.dispatch(new Lower("T"));

        CommandResult result = here.dispatch(new RaiseTo("T", 2));

        assertThat(result.events()).as("the count was 1 again, not 2 as kept").hasSize(1);
        assertThat(result.streamVersion()).isEqualTo(4);
        assertThat(here.dispatch(new RaiseTo("T", 2)).events()).as("now at 2, read back or kept").isEmpty();
    }

    @Test
    void withoutKeptStatesEveryCommandFoldsTheWholeStream() {
        CommandDispatcher bus = bus(store, 0, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        store.readsFrom.clear();

        bus.dispatch(new Deposit("A", BigDecimal.TEN));

        assertThat(store.readsFrom).containsExactly(1L);
    }

    @Test
    void eventsAnotherServerAppendedMeanwhileAreFoldedOn() {
        store.committed = false;
        CommandDispatcher here = bus(store, 10_000, new AccountCommands());
        CommandDispatcher there = bus(store, 10_000, new AccountCommands());
        here.dispatch(new OpenAccount("A", "Ada"));
        here.dispatch(new Deposit("A", BigDecimal.TEN));
        for (int i = 0; i < 3; i++) {
            there.dispatch(new Deposit("A", new BigDecimal("100")));
        }
        store.readsFrom.clear();

        CommandResult result = here.dispatch(new Withdraw("A", new BigDecimal("310")));

        assertThat(result.streamVersion()).isEqualTo(6);
        assertThat(store.readsFrom).as("from the kept state's event on").containsExactly(1L);
    }

    @Test
    void aKeptStateIsDroppedWhenAnotherEventNowHoldsItsVersion() {
        store.committed = false; // the events a state is folded from may roll back only while not committed
        CommandDispatcher bus = bus(store, 10_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        bus.dispatch(new Deposit("A", BigDecimal.TEN)); // keeps the state at version 2, a balance of 10
        // what the stream holds after the deposit's transaction rolled back and another one stored other events
        InMemoryEventStore after = new InMemoryEventStore();
        CommandDispatcher other = bus(after, 0, new AccountCommands());
        other.dispatch(new OpenAccount("A", "Ada"));
        other.dispatch(new Deposit("A", new BigDecimal("100")));
        other.dispatch(new Deposit("A", new BigDecimal("100")));
        store.use(after);
        store.readsFrom.clear();

        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("150")));

        assertThat(result.streamVersion()).isEqualTo(4);
        assertThat(store.readsFrom).as("the kept state's event, gone; then the whole stream").containsExactly(2L, 1L);
    }

    @Test
    void aKeptStateIsDroppedWhenTheStreamNoLongerReachesItsVersion() {
        store.committed = false;
        CommandDispatcher bus = bus(store, 10_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", new BigDecimal("1000")));
        bus.dispatch(new Deposit("A", BigDecimal.ONE)); // keeps the state at version 2, a balance of 1,000
        InMemoryEventStore after = new InMemoryEventStore();
        bus(after, 0, new AccountCommands()).dispatch(new OpenAccount("A", "Ada"));
        store.use(after);

        assertThatThrownBy(() -> bus.dispatch(new Withdraw("A", new BigDecimal("150"))))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("insufficient funds");
        assertThat(bus.dispatch(new Deposit("A", BigDecimal.ONE)).streamVersion()).isEqualTo(2);
    }

    @Test
    void aStateThatCanChangeIsFoldedForEveryCommand() {
        CommandDispatcher bus = bus(store, 10_000, new NoteHandlers());
        bus.dispatch(new AddNote("N", "one"));
        bus.dispatch(new AddNote("N", "two"));
        store.readsFrom.clear();

        CommandResult result = bus.dispatch(new AddNote("N", "three"));

        assertThat(store.readsFrom).containsExactly(1L);
        assertThat(result.events().get(0).event(NoteAdded.class).count()).isEqualTo(3);
    }

    @Test
    void atMostTheConfiguredNumberOfStreamsIsKept() {
        StateCache cache = new StateCache(16);
        for (int i = 0; i < 100; i++) {
            cache.put(null, "S-" + i, new Counter(i), 1, java.util.UUID.randomUUID(), true);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(16);
    }

    private static CommandDispatcher bus(dev.allframe.spi.event.EventStore events, int keptStreams, Object handlers) {
        HandlerCatalog catalog = TestBuses.catalog(handlers);
        AllFrameConfig defaults = AllFrameConfig.defaults();
        return new CommandDispatcher(catalog, type -> handlers, StoreCapabilities.of(events), TestBuses.VALIDATOR,
                new AllFrameConfig("memory", 3, 0, defaults.projections(), keptStreams), Runnable::run,
                TestBuses.eventTypes(catalog), TestBuses.fingerprints(catalog));
    }

    record Counter(int value) {
    }

    record AddNote(@StreamId String id, String text) {
    }

    record NoteAdded(String id, String text, int count) {
    }

    /** A state with a list: a handler could change it, so it is never kept. */
    record Notes(List<String> texts) {

        @InitialState
        static Notes none() {
            return new Notes(new ArrayList<>());
        }

        @Apply
        Notes on(NoteAdded added) {
            List<String> more = new ArrayList<>(texts);
            more.add(added.text());
            return new Notes(more);
        }
    }

    @Handlers
    static class NoteHandlers {

        @CommandHandler
        NoteAdded add(AddNote command, Notes notes) {
            return new NoteAdded(command.id(), command.text(), notes.texts().size() + 1);
        }
    }

    record Raise(@StreamId String id) {
    }

    record Lower(@StreamId String id) {
    }

    /** Raises the count unless it is {@code target} or more already. */
    record RaiseTo(@StreamId String id, int target) {
    }

    record Raised(String id, int count) {
    }

    record Lowered(String id, int count) {
    }

    record Tally(int count) {

        @InitialState
        static Tally zero() {
            return new Tally(0);
        }

        @Apply
        Tally on(Raised raised) {
            return new Tally(raised.count());
        }

        @Apply
        Tally on(Lowered lowered) {
            return new Tally(lowered.count());
        }
    }

    @Handlers
    static class TallyHandlers {

        @CommandHandler
        Raised raise(Raise command, Tally tally) {
            return new Raised(command.id(), tally.count() + 1);
        }

        @CommandHandler
        Lowered lower(Lower command, Tally tally) {
            return new Lowered(command.id(), tally.count() - 1);
        }

        @CommandHandler
        List<Raised> raiseTo(RaiseTo command, Tally tally) {
            return tally.count() >= command.target() ? List.of() : List.of(new Raised(command.id(), tally.count() + 1));
        }
    }

    /**
     * Records where streams are read from and the conditions of appends, over a store that a test can replace, and
     * reports appends committed or not as the test says.
     */
    private static final class SwitchingStore extends ForwardingEventStore {

        final List<Long> readsFrom = new ArrayList<>();
        final List<AppendCondition> conditions = new ArrayList<>();
        volatile boolean committed = true;
        private volatile InMemoryEventStore current;

        SwitchingStore(InMemoryEventStore first) {
            super(first);
            this.current = first;
        }

        void use(InMemoryEventStore next) {
            current = next;
        }

        @Override
        public AppendResult append(AppendRequest request) {
            conditions.add(request.condition());
            AppendResult result = current.append(request);
            return committed ? result
                    : new AppendResult(result.streamId(), result.streamVersion(), result.events(), result.duplicate());
        }

        @Override
        public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
            readsFrom.add(fromVersion);
            return current.readStream(streamId, fromVersion, maxCount);
        }

        @Override
        public long streamVersion(String streamId) {
            return current.streamVersion(streamId);
        }
    }
}
