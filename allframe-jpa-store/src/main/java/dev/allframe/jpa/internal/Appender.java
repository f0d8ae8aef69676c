package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.spi.StoreMetrics;
import dev.allframe.spi.event.AppendListeners;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * One append, inside the caller's transaction: lock the head row, honour an earlier use of the
 * idempotency key, refuse a closed idempotency scope, check the stream's version and the query condition, then insert
 * the events (and their tags) as one JDBC batch and raise the head. Everything after the lock is serialised across
 * appenders, so the checks cannot race.
 * <p>
 * On PostgreSQL appends take their positions without holding a lock through their transaction, and run side by side
 * ({@link PostgresAppender}): in one round trip, with their commit or sharing a commit with other threads' appends
 * when nothing else has to run in their transaction ({@link #appendAlone}). Appends with an idempotency key store
 * their key after their events and hold their scope shared meanwhile ({@link PostgresKeys}), without taking turns
 * either.
 */
public final class Appender {

    /**
     * Into how many lanes a process divides its appends alone by default, by stream: each lane writes its appends one
     * transaction at a time, on a connection of its own, side by side with the other lanes.
     */
    public static final int SIDE_BY_SIDE = 8;

    private final EventRowMapper mapper;
    private final EventReader reader;
    private final AppendListeners inlineListeners;
    private final PostgresAppender postgres;
    /** The lanes of appends alone, by stream; empty without connections in autocommit mode. */
    private final List<GroupCommit> lanes;
    private final Database database;

    /**
     * @param autocommit connections for appends alone; empty when the transactions offer none
     * @param sideBySide into how many lanes, each writing one transaction at a time, appends alone are divided
     */
    public Appender(EventRowMapper mapper, EventReader reader, AppendListeners inlineListeners,
                    Optional<AutocommitConnections> autocommit, Database database, int sideBySide) {
        this.mapper = mapper;
        this.database = database;
        this.reader = reader;
        this.inlineListeners = inlineListeners;
        PostgresStatements statements = new PostgresStatements(mapper, GroupCommit.MAX_BATCH);
        this.postgres = new PostgresAppender(statements);
        PostgresBatch together = new PostgresBatch(statements);
        if (sideBySide < 1) {
            throw new IllegalArgumentException("sideBySide " + sideBySide);
        }
        this.lanes = autocommit.map(connections -> IntStream.range(0, sideBySide)
                .mapToObj(lane -> new GroupCommit(connections, postgres, together)).toList()).orElse(List.of());
    }

    /** Reports the commits of appends alone to {@code metrics}: shared ones with their number of appends. */
    public void reportTo(StoreMetrics metrics) {
        lanes.forEach(lane -> lane.reportTo(metrics));
    }

    /**
     * The lane of {@code lanes} that appends to {@code streamId} take: the appends of one stream take one, where they
     * see each other as they are written, instead of meeting in the database as appends of other processes do.
     */
    public static int lane(String streamId, int lanes) {
        return Math.floorMod(streamId.hashCode(), lanes);
    }

    /**
     * Appends in a transaction of its own where the database allows it and nothing else has to run in the
     * append's transaction: on PostgreSQL, without an idempotency key, no inline listener subscribed and
     * connections in autocommit mode at hand; the caller has checked that no transaction of its own is active (under
     * JTA). Committed in the same round trip,
     * or together with the appends of other threads that were waiting at the same time ({@link GroupCommit}).
     * Empty, with nothing done, otherwise.
     *
     * @param postgres asks the database whether it is PostgreSQL, the first time it matters
     */
    public Optional<AppendResult> appendAlone(BooleanSupplier postgres, AppendRequest request, Instant now) {
        if (lanes.isEmpty() || !takesPostgresPath(request) || !inlineListeners.isEmpty()
                || !database.postgres(postgres)) {
            return Optional.empty();
        }
        GroupCommit lane = lanes.get(lane(request.streamId(), lanes.size()));
        return Optional.of(lane.append(mapper.prepare(request, now)));
    }

    public AppendResult append(EntityManager em, AppendRequest request, Instant now) {
        if (database.postgres(em)) {
            return appendOnPostgres(em, request, now);
        }
        HeadRow head = lockHead(em);
        String key = request.idempotencyKey();
        IdempotencyKeyRow earlier = key == null ? null : em.find(IdempotencyKeyRow.class, key);
        if (earlier != null) {
            return reader.resultOf(em, earlier).asDuplicate();
        }
        String scope = request.idempotencyScope();
        if (scope != null && em.find(ClosedScopeRow.class, scope) != null) {
            throw new IdempotencyScopeClosedException(request.streamId(), scope);
        }
        String streamId = request.streamId();
        long version = reader.streamVersionAtHead(em, streamId, head.position(),
                request.condition().expectedVersion().orElse(0L));
        if (!request.condition().acceptsVersion(version)) {
            throw AppendConditions.conflict(request, version);
        }
        refuseIfMatched(em, request);
        List<NewEvent> events = request.events();
        List<EventEnvelope> stored = new ArrayList<>(events.size());
        long position = head.position();
        if (!events.isEmpty()) {
            List<EventRow> rows = new ArrayList<>(events.size());
            List<EventTagRow> tags = new ArrayList<>();
            for (NewEvent event : events) {
                EventRow row = mapper.toRow(event, ++position, streamId, ++version, now);
                rows.add(row);
                for (String tag : event.tags()) {
                    tags.add(new EventTagRow(tag, position, event.typeName()));
                }
                stored.add(mapper.appended(event, mapper.newest(event, row), streamId, version, position, now));
            }
            HibernateJdbc.batchInserts(em, Math.min(Math.max(events.size(), tags.size()), 500));
            rows.forEach(em::persist);
            tags.forEach(em::persist);
            head.advanceTo(position);
        }
        if (key != null) {
            long first = stored.isEmpty() ? 0 : stored.get(0).globalPosition();
            em.persist(new IdempotencyKeyRow(key, streamId, version, first, stored.isEmpty() ? 0 : position, now,
                    scope));
        }
        em.flush();
        AppendResult result = new AppendResult(streamId, version, stored, false);
        if (!stored.isEmpty()) {
            inlineListeners.notifyInline(result);
            em.flush();
        }
        return result;
    }

    /**
     * On PostgreSQL: an append takes positions and stores its events without a lock held through the transaction
     * ({@link PostgresAppender#append}). One with an idempotency key first holds its scope shared and looks for the
     * key's earlier use and the scope's closing (one round trip), then stores the key after its events, in the round
     * trip that stores them ({@link PostgresKeys}): when another append stored the
     * same key meanwhile, or took the versions the events needed, the earlier use is the answer, and the events are
     * taken back.
     */
    private AppendResult appendOnPostgres(EntityManager em, AppendRequest request, Instant now) {
        String key = request.idempotencyKey();
        String scope = request.idempotencyScope();
        String streamId = request.streamId();
        if (key != null) {
            PostgresKeys.Looked looked = scope == null ? null : HibernateJdbc.onConnectionOf(em,
                    connection -> PostgresKeys.shareScopeAndLook(connection, scope, key));
            Optional<AppendResult> earlier = looked == null || looked.keyUsed() ? earlierUse(em, key)
                    : Optional.empty();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (looked != null && looked.scopeClosed()) {
                throw new IdempotencyScopeClosedException(streamId, scope);
            }
        }
        AppendResult result;
        boolean keyStored;
        try {
            if (request.events().isEmpty()) {
                result = checkNothing(em, request);
                keyStored = key == null || storeKey(em, key, result, now, scope);
            } else if (key == null) {
                result = HibernateJdbc.onConnectionOf(em, connection -> postgres.append(connection,
                        mapper.prepare(request, now)));
                keyStored = true;
            } else {
                PostgresAppender.Keyed keyed = HibernateJdbc.onConnectionOf(em,
                        connection -> postgres.appendKeyed(connection, mapper.prepare(request, now)));
                result = keyed.result();
                keyStored = keyed.keyStored();
            }
        } catch (ConcurrencyConflictException | QueryConflictException refused) {
            Optional<AppendResult> earlier = key == null ? Optional.empty() : earlierUse(em, key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw refused;
        }
        if (!keyStored) {
            if (!result.events().isEmpty()) {
                takeBack(em, result, null);
            }
            return earlierUse(em, key).orElseThrow();
        }
        if (!result.events().isEmpty()) {
            try {
                inlineListeners.notifyInline(result);
                em.flush();
            } catch (Throwable failed) {
                takeBack(em, result, failed);
                throw failed;
            }
        }
        return result;
    }

    /** The result of the append that used {@code key} first, as a duplicate; read anew, as committed now. */
    private Optional<AppendResult> earlierUse(EntityManager em, String key) {
        IdempotencyKeyRow earlier = em.find(IdempotencyKeyRow.class, key);
        return earlier == null ? Optional.empty() : Optional.of(reader.resultOf(em, earlier).asDuplicate());
    }

    /** Refuses {@code request} when a stored event after its query condition's position matches the query. */
    private void refuseIfMatched(EntityManager em, AppendRequest request) {
        QueryCondition queryCondition = request.queryCondition();
        if (queryCondition == null) {
            return;
        }
        Optional<EventRow> matching = reader.firstMatch(em, queryCondition.failIfEventsMatch(),
                queryCondition.after());
        if (matching.isPresent()) {
            EventRow first = matching.get();
            throw queryCondition.refusedBy(request.streamId(), first.globalPosition(), first.typeName(),
                    first.streamId());
        }
    }

    /** An append of no events: its conditions checked against what is committed, nothing stored. */
    private AppendResult checkNothing(EntityManager em, AppendRequest request) {
        String streamId = request.streamId();
        long version = reader.streamVersion(em, streamId);
        if (!request.condition().acceptsVersion(version)) {
            throw AppendConditions.conflict(request, version);
        }
        refuseIfMatched(em, request);
        return new AppendResult(streamId, version, List.of(), false);
    }

    private static boolean storeKey(EntityManager em, String key, AppendResult result, Instant now, String scope) {
        List<EventEnvelope> stored = result.events();
        long first = stored.isEmpty() ? 0 : stored.get(0).globalPosition();
        long last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).globalPosition();
        return HibernateJdbc.onConnectionOf(em, connection -> PostgresKeys.store(connection, key, result.streamId(),
                result.streamVersion(), first, last, now, scope));
    }

    /**
     * Takes {@code stored} back in {@code em}'s transaction: its events and tags removed, its positions given back;
     * what fails in that is kept with {@code failed}, when there is one.
     */
    private void takeBack(EntityManager em, AppendResult stored, Throwable failed) {
        try {
            HibernateJdbc.onConnectionOf(em, connection -> {
                postgres.takeBack(connection, stored, failed);
                return null;
            });
        } catch (RuntimeException | Error notTakenBack) {
            if (failed == null) {
                throw notTakenBack;
            }
            failed.addSuppressed(notTakenBack);
        }
    }

    /**
     * Closes {@code scope} in {@code em}'s transaction, holding the head row's lock (on PostgreSQL the scope's own
     * lock, {@link PostgresKeys}): an append of the scope either committed before, and is in the answer, or finds the
     * scope closed.
     */
    public List<AppendResult> closeScope(EntityManager em, String scope, Instant now) {
        if (database.postgres(em)) {
            HibernateJdbc.onConnectionOf(em, connection -> {
                PostgresKeys.holdScope(connection, scope);
                return null;
            });
        } else {
            lockHead(em);
        }
        List<AppendResult> stored = reader.appendsOfScope(em, scope);
        if (em.find(ClosedScopeRow.class, scope) == null) {
            em.persist(new ClosedScopeRow(scope, now));
            em.flush();
        }
        return stored;
    }

    /**
     * Keeps every append from starting until {@code em}'s transaction ends, and waits until the appends already
     * running ended: the head row's lock; on PostgreSQL {@code allframe_hold_appends()}, which waits for every
     * transaction holding positions to end and keeps others from taking any (one holding some may take more: it is
     * waited for, and would otherwise wait in turn).
     */
    public void holdAppends(EntityManager em) {
        lockHead(em);
        if (database.postgres(em)) {
            em.createNativeQuery("SELECT CAST(allframe_hold_appends() AS TEXT)").getSingleResult();
        }
    }

    /** Locks the head row in {@code em}'s transaction: no other append starts until it ends. */
    public static HeadRow lockHead(EntityManager em) {
        HeadRow head = em.find(HeadRow.class, HeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new EventStoreException(JpaStoreMessages.headRowMissing());
        }
        return head;
    }

    private static boolean takesPostgresPath(AppendRequest request) {
        return request.idempotencyKey() == null && !request.events().isEmpty();
    }
}
