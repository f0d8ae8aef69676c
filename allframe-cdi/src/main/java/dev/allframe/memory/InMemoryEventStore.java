package dev.allframe.memory;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.spi.event.AppendListener;
import dev.allframe.spi.event.AppendListeners;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An event store in memory. Appends are serialised by one lock, which makes the global order gap-free
 * by construction: a position becomes visible to readers only after every lower one, and the events of
 * one append become visible together. Reads take no lock. Events are kept as the objects that were appended, so
 * they should be immutable (records); reads, listeners and the append's result see them in their newest version.
 * Event ids are unique, as in every store.
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
    private final Map<String, AppendResult> idempotencyKeys = new ConcurrentHashMap<>();
    private final Map<String, List<AppendResult>> scopes = new HashMap<>();
    private final Set<String> closedScopes = new HashSet<>();
    private final Set<UUID> eventIds = new HashSet<>();
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
            AppendResult earlier = key == null ? null : idempotencyKeys.get(key);
            if (earlier != null) {
                return earlier.asDuplicate();
            }
            String scope = request.idempotencyScope();
            if (scope != null && closedScopes.contains(scope)) {
                throw new IdempotencyScopeClosedException(request.streamId(), scope);
            }
            result = appendLocked(request);
            if (key != null) {
                idempotencyKeys.put(key, result);
            }
            if (scope != null) {
                scopes.computeIfAbsent(scope, s -> new ArrayList<>()).add(result);
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
    public void rebuildInline(Runnable reset, int batchSize, Consumer<EventEnvelope> apply, LongConsumer progress,
                              Runnable done) {
        appendLock.lock();
        try {
            reset.run();
            for (List<EventEnvelope> batch = readAll(0, batchSize); !batch.isEmpty();
                 batch = readAll(batch.get(batch.size() - 1).globalPosition(), batchSize)) {
                batch.forEach(apply);
                progress.accept(batch.get(batch.size() - 1).globalPosition());
            }
            done.run();
        } finally {
            appendLock.unlock();
        }
    }

    private AppendResult appendLocked(AppendRequest request) {
        String streamId = request.streamId();
        AppendOnlyLog<EventEnvelope> stream = streams.get(streamId);
        long version = stream == null ? 0 : stream.size();
        if (!request.condition().acceptsVersion(version)) {
            throw new ConcurrencyConflictException(streamId, request.condition().expectedVersion().orElseThrow(),
                    version);
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
                    event.metadata(), event.event());
            stored.add(envelope);
        }
        AppendResult result = new AppendResult(streamId, version, upcast(stored), false);
        inlineListeners.notifyInline(result);
        log.addAll(stored);
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

    @Override
    public long headPosition() {
        return log.size();
    }

    @Override
    public Optional<AppendResult> findByIdempotencyKey(String key) {
        return Optional.ofNullable(idempotencyKeys.get(key))
                .map(r -> new AppendResult(r.streamId(), r.streamVersion(), upcast(r.events()), true));
    }

    @Override
    public List<AppendResult> closeScope(String scope) {
        requireNonNull(scope, "scope");
        appendLock.lock();
        try {
            closedScopes.add(scope);
            return scopes.getOrDefault(scope, List.of()).stream()
                    .map(r -> new AppendResult(r.streamId(), r.streamVersion(), upcast(r.events()), true)).toList();
        } finally {
            appendLock.unlock();
        }
    }

    /** The envelopes with their events in the newest version; the same list when nothing needs upcasting. */
    private List<EventEnvelope> upcast(List<EventEnvelope> envelopes) {
        if (decoder == NO_UPCASTING) {
            return envelopes;
        }
        List<EventEnvelope> upcast = new ArrayList<>(envelopes.size());
        for (EventEnvelope e : envelopes) {
            Object event = decoder.upcast(e.event());
            upcast.add(event == e.event() ? e : new EventEnvelope(e.eventId(), e.streamId(), e.streamVersion(),
                    e.globalPosition(), e.typeName(), e.schemaVersion(), e.timestamp(), e.correlationId(),
                    e.causationId(), e.metadata(), event));
        }
        return upcast;
    }

    @Override
    public Subscription subscribe(AppendListener listener) {
        return listeners.add(listener);
    }

    @Override
    public Subscription subscribeInline(AppendListener listener) {
        return inlineListeners.add(listener);
    }
}
