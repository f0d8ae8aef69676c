package dev.allframe.memory;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.event.EventQuery;
import dev.allframe.spi.event.AppendListener;
import dev.allframe.spi.event.AppendListeners;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import dev.allframe.spi.event.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An event store in memory. Appends are serialised by one lock, which makes the global order gap-free
 * by construction: a position becomes visible to readers only after every lower one, and the events of
 * one append become visible together. Reads take no lock. Events are kept as the objects that were appended, so
 * they should be immutable (records); reads, listeners and the append's result see them in their newest version.
 * Event ids are unique, as in every store. Idempotency keys are kept in the order they were stored, and closed scopes
 * in the order they were closed, so that retention removes the oldest under the append lock, a bounded number at a
 * time. Events are indexed by tag for queries; an append's query condition is checked under the append lock.
 */
public final class InMemoryEventStore implements EventStore, InlineSubscribers {

    private static final EventDecoder NO_UPCASTING = new EventDecoder() {
        @Override
        public Optional<Object> decode(String typeName, int schemaVersion, String json, EventSerializer serializer) {
            return Optional.empty();
        }

        @Override
        public Object upcast(Object event) {
            return event;
        }

        @Override
        public boolean upcasts(String typeName, int schemaVersion) {
            return false;
        }
    };

    private final Clock clock;
    private final EventDecoder decoder;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AppendOnlyLog<EventEnvelope> log = new AppendOnlyLog<>();
    private final Map<String, AppendOnlyLog<EventEnvelope>> streams = new ConcurrentHashMap<>();
    private final Map<String, StoredKey> idempotencyKeys = new ConcurrentHashMap<>();
    private final ArrayDeque<StoredKey> keysInOrder = new ArrayDeque<>();
    private final Map<String, List<String>> scopes = new HashMap<>();
    private final LinkedHashMap<String, Instant> closedScopes = new LinkedHashMap<>();
    private final EventIdIndex eventIds = new EventIdIndex();
    private final TagIndex tags = new TagIndex(log);
    private final AppendListeners listeners = new AppendListeners();
    private final AppendListeners inlineListeners = new AppendListeners();

    /**
     * @param decoder brings events of older versions that were appended to their newest version on read
     */
    public InMemoryEventStore(Clock clock, EventDecoder decoder) {
        this.clock = requireNonNull(clock, "clock");
        this.decoder = requireNonNull(decoder, "decoder");
    }

    public InMemoryEventStore(Clock clock) {
        this(clock, NO_UPCASTING);
    }

    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    @Override
    public AppendResult append(AppendRequest request) {
        AppendResult result;
        appendLock.lock();
        try {
            String key = request.idempotencyKey();
            StoredKey earlier = key == null ? null : idempotencyKeys.get(key);
            if (earlier != null) {
                return earlier.result().asDuplicate();
            }
            String scope = request.idempotencyScope();
            if (scope != null && closedScopes.containsKey(scope)) {
                throw new IdempotencyScopeClosedException(request.streamId(), scope);
            }
            result = appendLocked(request);
            if (key != null) {
                StoredKey stored = new StoredKey(key, result, scope, clock.instant());
                idempotencyKeys.put(key, stored);
                keysInOrder.add(stored);
            }
            if (scope != null) {
                scopes.computeIfAbsent(scope, s -> new ArrayList<>()).add(key);
            }
        } finally {
            appendLock.unlock();
        }
        if (!result.events().isEmpty()) {
            listeners.notifyAppended(result);
        }
        return result;
    }

    @Override
    public boolean rebuildInline(Runnable reset, int batchSize, Consumer<EventEnvelope> apply, LongConsumer progress,
                                 Runnable done, BooleanSupplier stopped) {
        if (stopped.getAsBoolean()) {
            return false;
        }
        reset.run();
        long after = 0;
        List<EventEnvelope> batch;
        do {
            if (stopped.getAsBoolean()) {
                return false;
            }
            batch = readAll(after, batchSize);
            after = replay(batch, apply, progress, after);
        } while (batch.size() == batchSize);
        appendLock.lock();
        try {
            for (batch = readAll(after, batchSize); !batch.isEmpty(); batch = readAll(after, batchSize)) {
                if (stopped.getAsBoolean()) {
                    return false;
                }
                after = replay(batch, apply, progress, after);
            }
            done.run();
            return true;
        } finally {
            appendLock.unlock();
        }
    }

    private static long replay(List<EventEnvelope> batch, Consumer<EventEnvelope> apply, LongConsumer progress,
                               long after) {
        if (batch.isEmpty()) {
            return after;
        }
        batch.forEach(apply);
        long last = batch.get(batch.size() - 1).globalPosition();
        progress.accept(last);
        return last;
    }

    private AppendResult appendLocked(AppendRequest request) {
        String streamId = request.streamId();
        AppendOnlyLog<EventEnvelope> stream = streams.get(streamId);
        long version = stream == null ? 0 : stream.size();
        if (!request.condition().acceptsVersion(version)) {
            throw new ConcurrencyConflictException(streamId, request.condition().expectedVersion().orElseThrow(),
                    version);
        }
        QueryCondition queryCondition = request.queryCondition();
        if (queryCondition != null) {
            List<EventEnvelope> matching = tags.read(queryCondition.failIfEventsMatch(), queryCondition.after(), 1);
            if (!matching.isEmpty()) {
                EventEnvelope first = matching.get(0);
                throw queryCondition.refusedBy(streamId, first.globalPosition(), first.typeName(), first.streamId());
            }
        }
        if (request.events().isEmpty()) {
            return new AppendResult(streamId, version, List.of(), false);
        }
        for (NewEvent event : request.events()) {
            if (eventIds.contains(event.eventId())) {
                throw DuplicateEventIdException.storedBefore(streamId, event.eventId());
            }
        }
        Instant now = clock.instant();
        long position = log.size();
        List<EventEnvelope> stored = new ArrayList<>(request.events().size());
        for (NewEvent event : request.events()) {
            EventEnvelope envelope = new EventEnvelope(event.eventId(), streamId, ++version, ++position,
                    event.typeName(), event.schemaVersion(), now, event.correlationId(), event.causationId(),
                    event.metadata(), event.tags(), event.event());
            stored.add(envelope);
        }
        // nothing in memory rolls back: the events are there for good once the append returns
        AppendResult result = new AppendResult(streamId, version, upcast(stored), false, true);
        inlineListeners.notifyInline(result);
        log.addAll(stored);
        tags.add(stored);
        streams.computeIfAbsent(streamId, id -> new AppendOnlyLog<>()).addAll(stored);
        request.events().forEach(event -> eventIds.add(event.eventId()));
        return result;
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
        AppendOnlyLog<EventEnvelope> stream = streams.get(streamId);
        return stream == null ? List.of() : upcast(stream.read(Math.max(1, fromVersion) - 1, maxCount));
    }

    @Override
    public long streamVersion(String streamId) {
        AppendOnlyLog<EventEnvelope> stream = streams.get(streamId);
        return stream == null ? 0 : stream.size();
    }

    @Override
    public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
        return upcast(log.read(Math.max(0, afterPosition), maxCount));
    }

    /** From an index of the events by tag. */
    @Override
    public List<EventEnvelope> read(EventQuery query, long afterPosition, int maxCount) {
        return upcast(tags.read(query, afterPosition, maxCount));
    }

    /** Under the append lock, like the stream's version. */
    @Override
    public boolean checksQueryConditions() {
        return true;
    }

    @Override
    public long headPosition() {
        return log.size();
    }

    @Override
    public Optional<AppendResult> findByIdempotencyKey(String key) {
        return Optional.ofNullable(idempotencyKeys.get(key)).map(stored -> duplicate(stored.result()));
    }

    @Override
    public List<AppendResult> closeScope(String scope) {
        requireNonNull(scope, "scope");
        appendLock.lock();
        try {
            closedScopes.putIfAbsent(scope, clock.instant());
            return scopes.getOrDefault(scope, List.of()).stream()
                    .map(key -> duplicate(idempotencyKeys.get(key).result())).toList();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Under the append lock, from the oldest key on. A key of a closed scope is left to its scope: it goes when the
     * scope goes, which leaves its place in the order behind, to be passed over here.
     */
    @Override
    public int pruneIdempotencyKeys(Instant before, int limit) {
        requireNonNull(before, "before");
        appendLock.lock();
        try {
            int removed = 0;
            while (removed < limit && !keysInOrder.isEmpty()) {
                StoredKey oldest = keysInOrder.peekFirst();
                if (idempotencyKeys.get(oldest.key()) != oldest) {
                    keysInOrder.removeFirst();
                    continue;
                }
                if (!oldest.at().isBefore(before)) {
                    break;
                }
                keysInOrder.removeFirst();
                String key = oldest.key();
                String scope = oldest.scope();
                if (scope != null && closedScopes.containsKey(scope)) {
                    continue;
                }
                idempotencyKeys.remove(key);
                if (scope != null) {
                    List<String> keysOfScope = scopes.get(scope);
                    keysOfScope.remove(key);
                    if (keysOfScope.isEmpty()) {
                        scopes.remove(scope);
                    }
                }
                removed++;
            }
            return removed;
        } finally {
            appendLock.unlock();
        }
    }

    /** Under the append lock, from the scope closed first on. */
    @Override
    public int pruneClosedScopes(Instant before, int limit) {
        requireNonNull(before, "before");
        appendLock.lock();
        try {
            int removed = 0;
            Iterator<Map.Entry<String, Instant>> closed = closedScopes.entrySet().iterator();
            while (removed < limit && closed.hasNext()) {
                Map.Entry<String, Instant> oldest = closed.next();
                if (!oldest.getValue().isBefore(before)) {
                    break;
                }
                closed.remove();
                List<String> keysOfScope = scopes.remove(oldest.getKey());
                if (keysOfScope != null) {
                    keysOfScope.forEach(idempotencyKeys::remove);
                }
                removed++;
            }
            return removed;
        } finally {
            appendLock.unlock();
        }
    }

    private AppendResult duplicate(AppendResult result) {
        return new AppendResult(result.streamId(), result.streamVersion(), upcast(result.events()), true);
    }

    /** The envelopes with their events in the newest version; the same list when nothing needs upcasting. */
    private List<EventEnvelope> upcast(List<EventEnvelope> envelopes) {
        if (decoder == NO_UPCASTING) {
            return envelopes;
        }
        List<EventEnvelope> upcast = null;
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope e = envelopes.get(i);
            Object event = decoder.upcasts(e.typeName(), e.schemaVersion()) ? decoder.upcast(e.event()) : e.event();
            if (event != e.event() && upcast == null) {
                upcast = new ArrayList<>(envelopes.subList(0, i));
            }
            if (upcast != null) {
                upcast.add(event == e.event() ? e : e.withEvent(event));
            }
        }
        return upcast == null ? envelopes : upcast;
    }

    @Override
    public Subscription subscribe(AppendListener listener) {
        return listeners.add(listener);
    }

    @Override
    public Subscription subscribeInline(AppendListener listener) {
        return inlineListeners.add(listener);
    }

    /** A key with the result of the append that first used it, its scope ({@code null} for none) and when stored. */
    private record StoredKey(String key, AppendResult result, String scope, Instant at) {
    }
}
