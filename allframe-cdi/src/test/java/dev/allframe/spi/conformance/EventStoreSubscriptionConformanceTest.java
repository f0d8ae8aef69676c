package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.noStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.spi.event.AppendListener;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listeners: told on the appending thread about each committed append, whose events are already
 * readable, and about nothing else. Every event store must pass it; see
 * {@link EventStoreConformanceSupport}.
 */
public abstract class EventStoreSubscriptionConformanceTest extends EventStoreConformanceSupport {

    /** Records the results it is told about. */
    private static final class RecordingListener implements AppendListener {

        final List<AppendResult> results = new CopyOnWriteArrayList<>();

        @Override
        public void appended(AppendResult result) {
            results.add(result);
        }
    }

    /** Thrown by a listener on purpose; without a stack trace, to keep the store's log of it short. */
    private static final class ListenerFailure extends RuntimeException {

        ListenerFailure() {
            super("listener failure expected by the conformance suite", null, false, false);
        }
    }

    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    final void closeSubscriptions() {
        subscriptions.forEach(Subscription::close);
    }

    /** Subscribes {@code listener} until the end of the test. */
    private <L extends AppendListener> L subscribed(L listener) {
        subscriptions.add(store.subscribe(listener));
        return listener;
    }

    @Test
    void listenerReceivesResultOfEachAppend() {
        RecordingListener listener = subscribed(new RecordingListener());

        AppendResult first = appendAny("a", newEvents("first", 2));
        AppendResult second = appendAny("b", newEvents("second", 1));

        assertThat(listener.results).containsExactly(first, second);
        assertThat(listener.results).extracting(AppendResult::duplicate).containsExactly(false, false);
    }

    @Test
    void listenerRunsOnTheAppendingThreadWhenTheEventsAreReadable() {
        appendAny("before", newEvents("before", 3));
        List<Thread> listenerThreads = new CopyOnWriteArrayList<>();
        List<List<EventEnvelope>> readFromLog = new CopyOnWriteArrayList<>();
        List<List<EventEnvelope>> readFromStream = new CopyOnWriteArrayList<>();
        List<Long> headPositions = new CopyOnWriteArrayList<>();
        subscribed(result -> {
            listenerThreads.add(Thread.currentThread());
            long firstPosition = result.events().get(0).globalPosition();
            readFromLog.add(store.readAll(firstPosition - 1, 100));
            readFromStream.add(store.readStream(result.streamId(), 1, 100));
            headPositions.add(store.headPosition());
        });

        AppendResult result = appendAny("s", newEvents("s", 2));

        assertThat(listenerThreads).containsExactly(Thread.currentThread());
        assertThat(readFromLog).containsExactly(result.events());
        assertThat(readFromStream).containsExactly(result.events());
        assertThat(headPositions).containsExactly(5L);
    }

    @Test
    void listenerIsNotCalledForRefusedAppend() {
        appendAny("a", newEvents("a", 1));
        RecordingListener listener = subscribed(new RecordingListener());

        conflictOf(() -> store.append("a", noStream(), newEvents("refused", 1)));

        assertThat(listener.results).isEmpty();
    }

    @Test
    void listenerIsNotCalledForEmptyAppend() {
        appendAny("a", newEvents("a", 1));
        RecordingListener listener = subscribed(new RecordingListener());

        store.append("a", any(), List.of());
        store.append("unknown", any(), List.of());
        appendWithKey("a", any(), List.of(), "empty-key");

        assertThat(listener.results).isEmpty();
    }

    @Test
    void listenerIsNotCalledForDuplicateAppend() {
        RecordingListener listener = subscribed(new RecordingListener());

        AppendResult first = appendWithKey("a", any(), newEvents("keyed", 1), "key");
        appendWithKey("a", any(), newEvents("keyed-again", 1), "key");

        assertThat(listener.results).containsExactly(first);
    }

    @Test
    void throwingListenerFailsNeitherTheAppendNorOtherListeners() {
        RecordingListener before = subscribed(new RecordingListener());
        subscribed(result -> {
            throw new ListenerFailure();
        });
        RecordingListener after = subscribed(new RecordingListener());

        AppendResult result = appendAny("a", newEvents("a", 2));

        assertThat(result.streamVersion()).isEqualTo(2);
        assertThat(readWholeStream("a")).isEqualTo(result.events());
        assertThat(before.results).containsExactly(result);
        assertThat(after.results).containsExactly(result);
    }

    @Test
    void closedSubscriptionReceivesNoMoreAppends() {
        RecordingListener open = subscribed(new RecordingListener());
        RecordingListener closed = new RecordingListener();
        Subscription subscription = store.subscribe(closed);
        AppendResult first = appendAny("a", newEvents("first", 1));

        subscription.close();
        AppendResult second = appendAny("a", newEvents("second", 1));
        AppendResult third = appendAny("b", newEvents("third", 1));

        assertThat(closed.results).containsExactly(first);
        assertThat(open.results).containsExactly(first, second, third);
    }
}
