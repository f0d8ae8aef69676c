package dev.allframe.testing;

import dev.allframe.EventEnvelope;
import dev.allframe.event.EventQuery;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.event.AppendListener;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An in-memory store for tests to override parts of. */
public abstract class ForwardingEventStore implements EventStore {

    protected final InMemoryEventStore delegate;

    protected ForwardingEventStore() {
        this(new InMemoryEventStore());
    }

    protected ForwardingEventStore(InMemoryEventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public AppendResult append(AppendRequest request) {
        return delegate.append(request);
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
        return delegate.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        return delegate.streamVersion(streamId);
    }

    @Override
    public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
        return delegate.readAll(afterPosition, maxCount);
    }

    @Override
    public List<EventEnvelope> read(EventQuery query, long afterPosition, int maxCount) {
        return delegate.read(query, afterPosition, maxCount);
    }

    @Override
    public boolean checksQueryConditions() {
        return delegate.checksQueryConditions();
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Optional<AppendResult> findByIdempotencyKey(String key) {
        return delegate.findByIdempotencyKey(key);
    }

    @Override
    public List<AppendResult> closeScope(String scope) {
        return delegate.closeScope(scope);
    }

    @Override
    public Subscription subscribe(AppendListener listener) {
        return delegate.subscribe(listener);
    }

    @Override
    public int pruneIdempotencyKeys(Instant before, int limit) {
        return delegate.pruneIdempotencyKeys(before, limit);
    }

    @Override
    public int pruneClosedScopes(Instant before, int limit) {
        return delegate.pruneClosedScopes(before, limit);
    }
}
