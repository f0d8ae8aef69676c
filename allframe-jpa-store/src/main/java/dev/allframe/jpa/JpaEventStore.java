package dev.allframe.jpa;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.event.EventQuery;
import dev.allframe.jpa.internal.Appender;
import dev.allframe.jpa.internal.AutocommitConnections;
import dev.allframe.jpa.internal.Checkpoints;
import dev.allframe.jpa.internal.CommitNotices;
import dev.allframe.jpa.internal.DatabaseTime;
import dev.allframe.jpa.internal.LeaseRows;
import dev.allframe.jpa.internal.DatabaseRefusal;
import dev.allframe.jpa.internal.Database;
import dev.allframe.jpa.internal.DeadLetterRows;
import dev.allframe.jpa.internal.EventReader;
import dev.allframe.jpa.internal.EventRetagger;
import dev.allframe.jpa.internal.EventRowMapper;
import dev.allframe.jpa.internal.HibernateJdbc;
import dev.allframe.jpa.internal.JpaStoreMessages;
import dev.allframe.jpa.internal.OthersAppends;
import dev.allframe.jpa.internal.PostgresNotice;
import dev.allframe.jpa.internal.PostgresNotifications;
import dev.allframe.jpa.internal.RetentionRows;
import dev.allframe.jpa.internal.JdbcWork;
import dev.allframe.jpa.internal.PostgresSagaWrites;
import dev.allframe.jpa.internal.SagaRows;
import dev.allframe.jpa.internal.SnapshotRows;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.spi.StoreMetrics;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.deadletter.DeadLetterStore;
import dev.allframe.spi.event.AppendListener;
import dev.allframe.spi.event.AppendListeners;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.LogPage;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.RemoteChangeListener;
import dev.allframe.spi.event.RemoteChanges;
import dev.allframe.spi.event.RetagEvents;
import dev.allframe.spi.event.StoreLimits;
import dev.allframe.spi.event.Subscription;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.spi.snapshot.Snapshot;
import dev.allframe.spi.snapshot.SnapshotStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The event store on a relational database through JPA, with Hibernate ORM as the provider. The global order
 * has no gap a reader could overtake: on H2 and Derby appends are serialised on a lock row (see {@code HeadRow});
 * on PostgreSQL they run side by side and readers stop where an append still runs (see {@code PostgresAppender});
 * payloads are JSON text; reads are paged. The tables come from the scripts in {@code META-INF/allframe/sql}, or from
 * {@link JpaSchema#createIfMissing} in development. It keeps sagas too, each change in a small transaction
 * of its own, and the events projections parked, each parked with the checkpoint past it in one transaction.
 * Retention removes old idempotency keys, closed scopes and finished sagas in batches, each a short transaction
 * of its own.
 * An append the database refuses is a conflict only for a stream version another append took; reads of an id longer
 * than the tables keep ({@link StoreLimits}) find nothing without asking the database.
 */
public final class JpaEventStore implements EventStore, SnapshotStore, CheckpointStore, ProjectionLeases, RemoteChanges,
        DeadLetterStore, InlineSubscribers, SagaStore, RetagEvents, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JpaEventStore.class.getName());

    private final JpaTransactions transactions;
    private final Clock clock;
    private final EventReader reader;
    private final EventRowMapper eventRows;
    private final Appender appender;
    private final EventRetagger retagger;
    private final SnapshotRows snapshots;
    private final SagaRows sagas;
    private final PostgresSagaWrites postgresSagas;
    private final Optional<AutocommitConnections> autocommit;
    private final Database database = new Database();
    private final AppendListeners listeners = new AppendListeners();
    private final AppendListeners inlineListeners = new AppendListeners();
    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
    private final Set<String> checkpointRows = ConcurrentHashMap.newKeySet();
    private final BooleanSupplier onPostgres;
    private volatile Clock leaseClock;
    private final AtomicBoolean notificationsOffReported = new AtomicBoolean();
    private final CommitNotices notices;

    public JpaEventStore(JpaTransactions transactions, EventSerializer serializer, EventDecoder events, Clock clock) {
        this(transactions, autocommitOf(transactions), serializer, events, clock);
    }

    /** Reports how many appends each of its own commits carried to {@code metrics} (PostgreSQL's group commit). */
    public void reportTo(StoreMetrics metrics) {
        appender.reportTo(metrics);
    }

    /** A store that appends alone on {@code autocommit}'s connections, when there are some. */
    JpaEventStore(JpaTransactions transactions, Optional<AutocommitConnections> autocommit, EventSerializer serializer,
                  EventDecoder events, Clock clock) {
        this(transactions, autocommit, serializer, events, clock, Appender.SIDE_BY_SIDE);
    }

    /**
     * @param sideBySide into how many lanes of streams appends alone are divided, each writing one transaction at a
     *                   time
     */
    JpaEventStore(JpaTransactions transactions, Optional<AutocommitConnections> autocommit, EventSerializer serializer,
                  EventDecoder events, Clock clock, int sideBySide) {
        this.transactions = requireNonNull(transactions, "transactions");
        this.onPostgres = () -> transactions.read(HibernateJdbc::isPostgres);
        this.clock = requireNonNull(clock, "clock");
        this.eventRows = new EventRowMapper(requireNonNull(serializer, "serializer"), requireNonNull(events, "events"));
        this.reader = new EventReader(eventRows, database);
        this.appender = new Appender(eventRows, reader, inlineListeners, autocommit, database, sideBySide);
        this.retagger = new EventRetagger(reader);
        this.snapshots = new SnapshotRows(serializer);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.sagas = new SagaRows(serializer, context != null ? context : JpaEventStore.class.getClassLoader());
        this.postgresSagas = new PostgresSagaWrites(sagas);
        this.autocommit = autocommit;
        this.notices = new CommitNotices(new PostgresNotice(
                work -> transactions.read(em -> HibernateJdbc.onConnectionOf(em, work))));
    }

    /** Refuses, before anything is stored, an append holding an event that would not read back equal to itself. */
    @Override
    public AppendResult append(AppendRequest request) {
        for (NewEvent event : request.events()) {
            eventRows.verify(event, request.streamId());
        }
        Instant now = now();
        try {
            boolean ownTransaction = transactions.writesAlone();
            Optional<AppendResult> alone = ownTransaction
                    ? appender.appendAlone(onPostgres, request, now) : Optional.empty();
            if (alone.isPresent()) {
                AppendResult committed = committedIfStored(alone.get());
                appended(committed);
                return committed;
            }
            // marked before the commit, which it never outlives if the commit fails
            return transactions.write(em -> {
                AppendResult result = appender.append(em, request, now);
                return ownTransaction ? committedIfStored(result) : result;
            }, this::appended);
        } catch (PersistenceException e) {
            Optional<DatabaseRefusal> refusal = DatabaseRefusal.of(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            throw refusal.get().error(request, () -> streamVersion(request.streamId()),
                    () -> storedEventId(request, e), e);
        }
    }

    /** {@code result}, of an append in a transaction of its own, as committed when it stored events now. */
    private static AppendResult committedIfStored(AppendResult result) {
        return result.duplicate() || result.events().isEmpty() ? result : result.asCommitted();
    }

    /** Which of the request's event ids is stored; empty when that cannot be read (the refusal then says the rest). */
    private Optional<UUID> storedEventId(AppendRequest request, PersistenceException refused) {
        try {
            return transactions.read(em -> reader.storedEventId(em, request.events().stream()
                    .map(NewEvent::eventId).toList()));
        } catch (RuntimeException e) {
            refused.addSuppressed(e);
            return Optional.empty();
        }
    }

    /**
     * Connections in autocommit mode, used only when a write would begin a transaction of its own
     * ({@link JpaTransactions#writesAlone()}): a resource-local unit's own; under JTA, on a thread without a
     * transaction, a connection of the server's data source outside any transaction, switched to autocommit mode for
     * the work and back. Other transactions offer none.
     */
    private static Optional<AutocommitConnections> autocommitOf(JpaTransactions transactions) {
        if (transactions instanceof ResourceLocalTransactions local) {
            return Optional.of(local.autocommitConnections());
        }
        if (transactions instanceof JtaTransactions) {
            return Optional.of(new AutocommitConnections() {
                @Override
                public <T> T autocommit(JdbcWork<T> work) {
                    return transactions.read(em -> HibernateJdbc.onConnectionOf(em, JdbcWork.inAutocommit(work)));
                }
            });
        }
        return Optional.empty();
    }

    private void appended(AppendResult result) {
        if (!result.duplicate() && !result.events().isEmpty()) {
            if (database.postgres(onPostgres)) {
                notices.committed(result.events().get(result.events().size() - 1).globalPosition());
            }
            listeners.notifyAppended(result);
        }
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
        if (!StoreLimits.storable(streamId)) {
            return List.of();
        }
        return transactions.read(em -> reader.readStream(em, streamId, fromVersion, maxCount));
    }

    @Override
    public long streamVersion(String streamId) {
        if (!StoreLimits.storable(streamId)) {
            return 0;
        }
        return transactions.read(em -> reader.streamVersion(em, streamId));
    }

    @Override
    public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
        return transactions.read(em -> reader.readAll(em, afterPosition, maxCount));
    }

    /** Decodes only the events of the streams asked for. */
    @Override
    public LogPage readAll(long afterPosition, int maxCount, Predicate<String> streams) {
        return transactions.read(em -> reader.readAll(em, afterPosition, maxCount, streams));
    }

    /** From the tags' rows: each item's positions first, then their events. */
    @Override
    public List<EventEnvelope> read(EventQuery query, long afterPosition, int maxCount) {
        return transactions.read(em -> reader.read(em, query, afterPosition, maxCount));
    }

    /** Holding the head row's lock, as the stream's version is. */
    @Override
    public boolean checksQueryConditions() {
        return true;
    }

    /** In one transaction per page; appends go on beside it. */
    @Override
    public RetagPage retag(long afterPosition, int maxCount, Function<EventEnvelope, Set<String>> tagsOf) {
        return transactions.write(em -> retagger.retag(em, afterPosition, maxCount, tagsOf), retagged -> { });
    }

    @Override
    public long headPosition() {
        return transactions.read(reader::headPosition);
    }

    @Override
    public Optional<AppendResult> findByIdempotencyKey(String key) {
        if (!StoreLimits.storable(key)) {
            return Optional.empty();
        }
        return transactions.read(em -> reader.idempotencyKey(em, key));
    }

    /** In a transaction of its own that holds the head row's lock, as appends do. */
    @Override
    public List<AppendResult> closeScope(String scope) {
        requireNonNull(scope, "scope");
        if (!StoreLimits.storable(scope)) {
            return List.of();
        }
        return transactions.write(em -> appender.closeScope(em, scope, now()), closed -> { });
    }

    @Override
    public Subscription subscribe(AppendListener listener) {
        return listeners.add(listener);
    }

    @Override
    public Subscription subscribeInline(AppendListener listener) {
        return inlineListeners.add(listener);
    }

    /**
     * In one transaction holding the head row's lock, so that appends wait; the entity manager is flushed
     * and cleared after each batch, which keeps the memory a rebuild takes bounded by the batch size.
     */
    @Override
    public boolean rebuildInline(Runnable reset, int batchSize, Consumer<EventEnvelope> apply, LongConsumer progress,
                                 Runnable done, BooleanSupplier stopped) {
        if (stopped.getAsBoolean()) {
            return false;
        }
        transactions.write(em -> {
            reset.run();
            return null;
        }, cleared -> { });
        long after = 0;
        List<EventEnvelope> batch;
        do {
            if (stopped.getAsBoolean()) {
                return false;
            }
            long from = after;
            batch = transactions.write(em -> replay(em, reader.readAll(em, from, batchSize), apply, progress),
                    replayed -> { });
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).globalPosition();
        } while (batch.size() == batchSize);
        long from = after;
        return transactions.write(em -> {
            appender.holdAppends(em);
            for (List<EventEnvelope> rest = reader.readAll(em, from, batchSize); !rest.isEmpty();
                 rest = reader.readAll(em, rest.get(rest.size() - 1).globalPosition(), batchSize)) {
                if (stopped.getAsBoolean()) {
                    return false;
                }
                replay(em, rest, apply, progress);
            }
            done.run();
            return true;
        }, rebuilt -> { });
    }

    /** Applies {@code batch} in the transaction of {@code em} and reports its last position. */
    private static List<EventEnvelope> replay(EntityManager em, List<EventEnvelope> batch,
                                              Consumer<EventEnvelope> apply, LongConsumer progress) {
        if (!batch.isEmpty()) {
            batch.forEach(apply);
            em.flush();
            em.clear();
            progress.accept(batch.get(batch.size() - 1).globalPosition());
        }
        return batch;
    }

    @Override
    public long checkpoint(String projection) {
        return transactions.read(em -> Checkpoints.read(em, projection));
    }

    /**
     * Applies the batch and moves the checkpoint in one transaction, holding the checkpoint row's lock, when the
     * checkpoint is still where the batch was read after: a second process feeding the same projection waits,
     * then finds the checkpoint moved and applies nothing; so does a process whose checkpoint was moved back by a
     * rebuild elsewhere or by hand. The checkpoint is moved first, by a statement that also compares it and takes the
     * lock; the lease is read after it, so that a take-over committed while the batch waited for the lock is seen.
     */
    @Override
    public long applyBatch(String projection, long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply) {
        return applyBatch(projection, null, after, events, apply);
    }

    /** As {@link #applyBatch(String, long, List, Consumer)}, and refused when the lease's token is not the stored one. */
    @Override
    public long applyBatch(ProjectionLease lease, long after, List<EventEnvelope> events,
                           Consumer<EventEnvelope> apply) {
        return applyBatch(lease.projection(), lease, after, events, apply);
    }

    private long applyBatch(String projection, ProjectionLease lease, long after, List<EventEnvelope> events,
                            Consumer<EventEnvelope> apply) {
        createCheckpointRow(projection);
        return transactions.write(em -> {
            Instant now = now();
            long last = events.isEmpty() ? after : events.get(events.size() - 1).globalPosition();
            boolean moved = !events.isEmpty() && Checkpoints.advance(em, projection, after, last, now);
            long checkpoint = moved ? after : Checkpoints.lock(em, projection, now);
            if (lease != null) {
                LeaseRows.check(em, lease);
            }
            if (checkpoint != after || events.isEmpty()) {
                return checkpoint;
            }
            events.forEach(apply);
            if (!moved) {
                Checkpoints.write(em, projection, last, now);
            }
            return last;
        }, done -> { });
    }

    /**
     * Takes or renews the lease, holding the checkpoint row's lock, so that a take-over waits for the batch running
     * under the lease it takes over. A lease another node holds is seen without that lock.
     */
    @Override
    public Optional<ProjectionLease> claim(String projection, String node, Duration duration) {
        if (!transactions.read(em -> LeaseRows.claimable(em, projection, node, leaseNow(em)))) {
            return Optional.empty();
        }
        createCheckpointRow(projection);
        return transactions.write(em -> {
            Checkpoints.lock(em, projection, now());
            return LeaseRows.claim(em, projection, node, duration, leaseNow(em));
        }, claimed -> { });
    }

    /**
     * Releases the lease without waiting for the checkpoint row's lock: a batch of this node that hangs, holding it,
     * does not keep the node from stopping. A node taking the lease over still waits for that batch.
     */
    @Override
    public void release(ProjectionLease lease) {
        transactions.write(em -> {
            LeaseRows.release(em, lease, leaseNow(em));
            return null;
        }, released -> { });
    }

    @Override
    public Optional<ProjectionLease> holder(String projection) {
        return transactions.read(em -> LeaseRows.holder(em, projection, leaseNow(em)));
    }

    @Override
    public int liveNodes(String node, Duration duration) {
        return transactions.write(em -> LeaseRows.liveNodes(em, node, duration, leaseNow(em)), counted -> { });
    }

    @Override
    public void leave(String node) {
        transactions.write(em -> {
            LeaseRows.leave(em, node, leaseNow(em).minus(Duration.ofDays(1)));
            return null;
        }, left -> { });
    }

    @Override
    public ProjectionControl control(String projection) {
        return transactions.read(em -> LeaseRows.control(em, projection));
    }

    /** Holding the checkpoint row's lock, so that the change waits for a batch being applied. */
    @Override
    public ProjectionControl changeControl(String projection, UnaryOperator<ProjectionControl> change) {
        createCheckpointRow(projection);
        return transactions.write(em -> {
            Checkpoints.lock(em, projection, now());
            return LeaseRows.changeControl(em, projection, change, leaseNow(em));
        }, changed -> { });
    }

    /**
     * Compares leases on {@code clock} rather than on the database's clock, which every node reads alike: for tests
     * that move time themselves.
     */
    public void compareLeasesOn(Clock clock) {
        this.leaseClock = requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code work} on a connection in autocommit mode where the unit has them, and under JTA when no transaction is
     * active on this thread (the statement then commits in its own round trip instead of a JTA transaction's two); else
     * in a transaction.
     */
    private <T> T sagaWrite(JdbcWork<T> work) {
        if (autocommit.isPresent() && transactions.writesAlone()) {
            return autocommit.get().autocommit(work);
        }
        return transactions.write(em -> HibernateJdbc.onConnectionOf(em, work), done -> { });
    }

    private boolean onPostgres() {
        return database.postgres(onPostgres);
    }

    private Instant leaseNow(EntityManager em) {
        Clock fixed = leaseClock;
        return fixed != null ? fixed.instant() : DatabaseTime.now(em);
    }

    /**
     * Makes sure the projection's checkpoint row exists before a transaction locks it, in a transaction of its own:
     * two processes starting a projection at once would otherwise both insert it in their batch's transaction, and
     * one batch would fail on the key. The one that loses here finds the other's row.
     */
    private void createCheckpointRow(String projection) {
        if (checkpointRows.contains(projection)) {
            return;
        }
        try {
            transactions.write(em -> {
                Checkpoints.create(em, projection, now());
                return null;
            }, created -> { });
        } catch (RuntimeException e) {
            if (!transactions.read(em -> Checkpoints.exists(em, projection))) {
                throw e;
            }
        }
        checkpointRows.add(projection);
    }

    @Override
    public void reset(String projection, Runnable reset) {
        createCheckpointRow(projection);
        transactions.write(em -> {
            Instant now = now();
            Checkpoints.lock(em, projection, now);
            reset.run();
            Checkpoints.write(em, projection, 0, now);
            return null;
        }, done -> { });
    }

    /** Locking the rows in the order of their keys, as every caller that locks several does. */
    @Override
    public void reset(Collection<String> projections, Runnable reset) {
        List<String> keys = projections.stream().distinct().sorted().toList();
        keys.forEach(this::createCheckpointRow);
        transactions.write(em -> {
            Instant now = now();
            keys.forEach(key -> Checkpoints.lock(em, key, now));
            reset.run();
            keys.forEach(key -> Checkpoints.write(em, key, 0, now));
            return null;
        }, done -> { });
    }

    @Override
    public Map<String, Long> checkpoints(String projection) {
        return transactions.read(em -> Checkpoints.family(em, projection));
    }

    /** In one transaction holding the checkpoint row's lock: the dead letter and the checkpoint past it. */
    @Override
    public boolean park(ParkedEvent event) {
        createCheckpointRow(event.projection());
        return transactions.write(em -> DeadLetterRows.park(em, event, now()), parked -> { });
    }

    /**
     * Two processes recording the same event at once: the second fails on the key and reads it as recorded, since the
     * first one's row is there.
     */
    @Override
    public boolean record(ParkedEvent event) {
        try {
            return transactions.write(em -> DeadLetterRows.record(em, event), recorded -> { });
        } catch (PersistenceException e) {
            if (integrityViolation(e).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<ParkedEvent> parked(String projection) {
        return transactions.read(em -> DeadLetterRows.parked(em, projection));
    }

    @Override
    public long parkedCount(String projection) {
        return transactions.read(em -> DeadLetterRows.count(em, projection));
    }

    /**
     * In one transaction: the parked event's effects and the removal of its dead letter, holding the checkpoint row's
     * lock, so that the retry takes turns with the projection's batches on whichever node applies them.
     */
    @Override
    public boolean applyParked(String projection, EventEnvelope event, Consumer<EventEnvelope> apply) {
        createCheckpointRow(projection);
        return transactions.write(em -> {
            Checkpoints.lock(em, projection, now());
            return DeadLetterRows.applyParked(em, projection, event, apply);
        }, applied -> { });
    }

    @Override
    public void retryFailed(String projection, long position, String failure, Instant at) {
        transactions.write(em -> {
            DeadLetterRows.retryFailed(em, projection, position, failure, at);
            return null;
        }, done -> { });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String streamId, Class<?> stateType, String stateFingerprint) {
        if (!StoreLimits.storable(streamId)) {
            return Optional.empty();
        }
        return transactions.read(em -> snapshots.load(em, streamId, stateType, stateFingerprint));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        snapshots.json(snapshot).ifPresent(json -> transactions.write(em -> {
            snapshots.save(em, snapshot, json, now());
            return snapshot;
        }, saved -> { }));
    }

    @Override
    public void start(SagaRecord saga, Duration lease) {
        start(saga, lease, List.of());
    }

    /**
     * The saga and its first entries in one transaction: on PostgreSQL one statement, with the lease on the database's
     * clock, in autocommit mode where it can.
     */
    @Override
    public void start(SagaRecord saga, Duration lease, List<SagaLogEntry> entries) {
        if (onPostgres()) {
            Clock fixed = leaseClock;
            sagaWrite(postgresSagas.start(saga, fixed == null ? null : fixed.instant(), lease, entries));
            return;
        }
        transactions.write(em -> {
            sagas.start(em, saga, leaseNow(em).plus(lease), entries);
            return saga;
        }, started -> { });
    }

    @Override
    public void save(SagaRecord saga, SagaLogEntry entry) {
        saveAll(saga, entry == null ? List.of() : List.of(entry));
    }

    /**
     * The saga and its entries in one transaction: on PostgreSQL one statement, in autocommit mode where it can; a
     * saga whose row is missing or another owner's is stored, or refused, on the portable path.
     */
    @Override
    public void saveAll(SagaRecord saga, List<SagaLogEntry> entries) {
        if (onPostgres() && sagaWrite(postgresSagas.save(saga, entries))) {
            return;
        }
        transactions.write(em -> {
            sagas.save(em, saga, entries);
            return saga;
        }, saved -> { });
    }

    @Override
    public Optional<SagaRecord> find(UUID sagaId) {
        return transactions.read(em -> sagas.find(em, sagaId));
    }

    @Override
    public List<SagaLogEntry> history(UUID sagaId) {
        return transactions.read(em -> sagas.history(em, sagaId));
    }

    @Override
    public List<SagaRecord> unfinished() {
        return transactions.read(sagas::unfinished);
    }

    @Override
    public List<SagaRecord> expired(int limit) {
        return transactions.read(em -> sagas.expired(em, leaseNow(em), limit));
    }

    @Override
    public Optional<SagaRecord> claim(UUID sagaId, String owner, Duration lease) {
        return transactions.write(em -> {
            Instant now = leaseNow(em);
            return sagas.claim(em, sagaId, owner, now, now.plus(lease));
        }, claimed -> { });
    }

    /** On PostgreSQL in one statement, on the database's clock, in autocommit mode where it can. */
    @Override
    public void renewLeases(String owner, Collection<UUID> sagaIds, Duration lease) {
        if (onPostgres()) {
            Clock fixed = leaseClock;
            sagaWrite(postgresSagas.renewLeases(owner, sagaIds, fixed == null ? null : fixed.instant(), lease));
            return;
        }
        transactions.write(em -> {
            sagas.renewLeases(em, owner, sagaIds, leaseNow(em).plus(lease));
            return null;
        }, done -> { });
    }

    /**
     * On PostgreSQL, with the triggers of its script in the schema and the driver's classes at hand, listens for what
     * the servers sharing the schema commit; elsewhere empty, and the servers follow each other at their polls. Why
     * not, on PostgreSQL, is logged once (AF2057). Returns once it listens (or after five seconds at most), so that
     * what commits after is heard.
     */
    @Override
    public Optional<Subscription> listen(Executor executor, RemoteChangeListener listener) {
        Optional<String> whyNot = transactions.read(em -> HibernateJdbc.isPostgres(em)
                ? Optional.ofNullable(HibernateJdbc.onConnectionOf(em, JpaEventStore::whyNotNotified))
                : Optional.of(""));
        if (whyNot.isPresent()) {
            if (!whyNot.get().isEmpty() && notificationsOffReported.compareAndSet(false, true)) {
                LOG.info(JpaStoreMessages.notificationsOff(whyNot.get()).toString());
            }
            return Optional.empty();
        }
        PostgresNotifications notifications = new PostgresNotifications(
                work -> transactions.read(em -> HibernateJdbc.onConnectionOf(em, work)), new OthersAppends(listener,
                notices));
        executor.execute(notifications::run);
        try {
            notifications.awaitListening(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(notifications);
    }

    /** Why this PostgreSQL connection cannot listen; {@code null} when it can. */
    private static String whyNotNotified(Connection connection) throws SQLException {
        Class<?> postgres;
        try {
            postgres = Class.forName("org.postgresql.PGConnection", false, JpaEventStore.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "the application cannot load the PostgreSQL driver's org.postgresql.PGConnection";
        }
        if (!connection.isWrapperFor(postgres)) {
            return "the data source's connections do not unwrap to org.postgresql.PGConnection";
        }
        if (!JpaSchema.notifies(connection)) {
            return "the schema " + connection.getSchema() + " lacks the triggers allframe_checkpoints_notify and"
                    + " allframe_projection_leases_notify of the PostgreSQL script";
        }
        return null;
    }

    /**
     * On PostgreSQL, tells the other servers of this one's appends as tasks on {@code executor}, instead of in the
     * thread that appended, once it committed.
     */
    @Override
    public void tellOthersOn(Executor executor) {
        notices.sendOn(executor);
    }

    /** Makes {@link #close()} close {@code resource} too, for what the store was built with and owns. */
    void closeWith(AutoCloseable resource) {
        owned.add(resource);
    }

    @Override
    public void close() throws Exception {
        notices.close();
        for (AutoCloseable resource : owned) {
            resource.close();
        }
    }

    /** The integrity constraint violation (SQL state class 23) that {@code thrown} comes from, if any. */
    private static Optional<SQLException> integrityViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** In a short transaction of its own that takes no head row lock: appends go on meanwhile. */
    @Override
    public int pruneIdempotencyKeys(Instant before, int limit) {
        requireNonNull(before, "before");
        return limit < 1 ? 0 : transactions.write(em -> RetentionRows.pruneKeys(em, before, limit), removed -> { });
    }

    /** In a short transaction of its own that takes no head row lock: appends go on meanwhile. */
    @Override
    public int pruneClosedScopes(Instant before, int limit) {
        requireNonNull(before, "before");
        return limit < 1 ? 0
                : transactions.write(em -> RetentionRows.pruneClosedScopes(em, before, limit), removed -> { });
    }

    @Override
    public Optional<Instant> oldestUnfinishedStart() {
        return transactions.read(RetentionRows::oldestUnfinishedStart);
    }

    @Override
    public int pruneFinished(Instant before, int limit) {
        requireNonNull(before, "before");
        return limit < 1 ? 0
                : transactions.write(em -> RetentionRows.pruneFinishedSagas(em, before, limit), removed -> { });
    }
}
