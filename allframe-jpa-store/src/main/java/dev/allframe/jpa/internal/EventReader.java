package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.LogPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.jpa.HibernateHints;

/**
 * The store's queries: pages of a stream, pages of the global log, events by query, versions and the head. On
 * PostgreSQL, where appends run side by side and commit in any order, reads of the global log stop at the readable
 * head ({@code allframe_readable()}, read before them): the highest position up to which every append ended, so that
 * a reader never passes an event that is still to commit.
 */
public final class EventReader {

    private static final long HEAD_WAIT_NANOS = 2_000_000_000L;
    /**
     * The log's rows as values rather than managed entities, for the reads of the global log that projections make
     * batch after batch: the persistence context keeps none of them.
     */
    private static final String ROWS = "select new " + EventRow.class.getName() + "(e.globalPosition, e.eventId,"
            + " e.streamId, e.streamVersion, e.typeName, e.schemaVersion, e.payload, e.metadata, e.correlationId,"
            + " e.causationId, e.recordedAt, e.tags) from AllFrameEvent e";

    private final EventRowMapper mapper;
    private final Database database;

    public EventReader(EventRowMapper mapper, Database database) {
        this.mapper = mapper;
        this.database = database;
    }

    /**
     * The highest position up to which every append ended, read now: on PostgreSQL from its marks of the appends that
     * still run; elsewhere appends end in the order of their positions, and every committed event is readable.
     */
    public long readable(EntityManager em) {
        if (!database.postgres(em)) {
            return Long.MAX_VALUE;
        }
        try {
            return ((Number) em.createNativeQuery("SELECT allframe_readable()").getSingleResult()).longValue();
        } catch (RuntimeException e) {
            throw PostgresRaised.translate(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    public List<EventEnvelope> readStream(EntityManager em, String streamId, long fromVersion, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        if (database.postgres(em)) {
            return HibernateJdbc.onConnectionOf(em, connection ->
                    PostgresReads.stream(connection, streamId, fromVersion, maxCount)).stream().map(mapper::read).toList();
        }
        return read(em.createQuery("select e from AllFrameEvent e where e.streamId = :stream"
                        + " and e.streamVersion >= :from order by e.streamVersion", EventRow.class)
                .setParameter("stream", streamId).setParameter("from", fromVersion), maxCount);
    }

    public List<EventEnvelope> readAll(EntityManager em, long afterPosition, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        if (database.postgres(em)) {
            return logPage(em, afterPosition, maxCount).stream().map(mapper::read).toList();
        }
        long readable = readable(em);
        return read(em.createQuery(ROWS + " where e.globalPosition > :after and e.globalPosition <= :readable"
                        + " order by e.globalPosition", EventRow.class)
                .setParameter("after", afterPosition).setParameter("readable", readable), maxCount);
    }

    /** Up to {@code maxCount} rows of the log above {@code afterPosition} and up to the readable head (PostgreSQL). */
    private static List<EventRow> logPage(EntityManager em, long afterPosition, int maxCount) {
        try {
            return HibernateJdbc.onConnectionOf(em, connection -> PostgresReads.log(connection, afterPosition, maxCount));
        } catch (RuntimeException e) {
            throw PostgresRaised.translate(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    /**
     * As {@link #readAll(EntityManager, long, int)}, decoding only the events of the streams {@code streams} accepts.
     * (Reading the others' rows costs less than asking for the wanted ones by position in a second query.)
     */
    public LogPage readAll(EntityManager em, long afterPosition, int maxCount, Predicate<String> streams) {
        if (maxCount <= 0) {
            return new LogPage(List.of(), afterPosition, null);
        }
        List<EventRow> rows = database.postgres(em) ? logPage(em, afterPosition, maxCount)
                : em.createQuery(ROWS + " where e.globalPosition > :after order by e.globalPosition", EventRow.class)
                        .setParameter("after", afterPosition).setMaxResults(maxCount)
                        .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        if (rows.isEmpty()) {
            return new LogPage(List.of(), afterPosition, null);
        }
        EventRow last = rows.get(rows.size() - 1);
        return new LogPage(rows.stream().filter(row -> streams.test(row.streamId())).map(mapper::read).toList(),
                last.globalPosition(), last.recordedAt());
    }

    /**
     * Up to {@code maxCount} events matching {@code query} above {@code afterPosition}, in order: the positions of
     * each item's events first (an item with tags from the tags' rows, one without from the log), then their rows.
     */
    public List<EventEnvelope> read(EntityManager em, EventQuery query, long afterPosition, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        if (query.matchesAll()) {
            return readAll(em, afterPosition, maxCount);
        }
        long readable = readable(em);
        TreeSet<Long> positions = new TreeSet<>();
        for (QueryItem item : query.items()) {
            positions.addAll(positions(em, item, afterPosition, readable, maxCount));
            while (positions.size() > maxCount) {
                positions.pollLast();
            }
        }
        if (positions.isEmpty()) {
            return List.of();
        }
        return read(em.createQuery(ROWS + " where e.globalPosition in :positions order by e.globalPosition",
                EventRow.class).setParameter("positions", List.copyOf(positions)), maxCount);
    }

    /** The first stored event above {@code afterPosition} that matches {@code query}, as it is stored. */
    public Optional<EventRow> firstMatch(EntityManager em, EventQuery query, long afterPosition) {
        long first = Long.MAX_VALUE;
        if (query.matchesAll()) {
            first = positionsAfter(em, afterPosition);
        } else {
            for (QueryItem item : query.items()) {
                List<Long> found = positions(em, item, afterPosition, Long.MAX_VALUE, 1);
                if (!found.isEmpty()) {
                    first = Math.min(first, found.get(0));
                }
            }
        }
        return first == Long.MAX_VALUE ? Optional.empty() : Optional.of(em.find(EventRow.class, first));
    }

    private static long positionsAfter(EntityManager em, long afterPosition) {
        List<Long> first = em.createQuery("select e.globalPosition from AllFrameEvent e where e.globalPosition > :after"
                        + " order by e.globalPosition", Long.class)
                .setParameter("after", afterPosition).setMaxResults(1).getResultList();
        return first.isEmpty() ? Long.MAX_VALUE : first.get(0);
    }

    /**
     * The positions of up to {@code maxCount} events matching {@code item} above {@code afterPosition} and up to
     * {@code readable}: from the rows of its first tag, each also carrying the others, or from the log by type when it
     * has no tags.
     */
    private static List<Long> positions(EntityManager em, QueryItem item, long afterPosition, long readable,
                                        int maxCount) {
        StringBuilder hql = new StringBuilder();
        List<String> tags = List.copyOf(item.tags());
        if (tags.isEmpty()) {
            hql.append("select e.globalPosition from AllFrameEvent e where e.globalPosition > :after")
                    .append(" and e.globalPosition <= :readable");
            if (!item.types().isEmpty()) {
                hql.append(" and e.typeName in :types");
            }
            hql.append(" order by e.globalPosition");
        } else {
            hql.append("select t.globalPosition from AllFrameEventTag t where t.tag = :tag0")
                    .append(" and t.globalPosition > :after and t.globalPosition <= :readable");
            if (!item.types().isEmpty()) {
                hql.append(" and t.typeName in :types");
            }
            for (int i = 1; i < tags.size(); i++) {
                hql.append(" and exists (select 1 from AllFrameEventTag u").append(i).append(" where u").append(i)
                        .append(".tag = :tag").append(i).append(" and u").append(i)
                        .append(".globalPosition = t.globalPosition)");
            }
            hql.append(" order by t.globalPosition");
        }
        TypedQuery<Long> query = em.createQuery(hql.toString(), Long.class).setParameter("after", afterPosition)
                .setParameter("readable", readable);
        if (!item.types().isEmpty()) {
            query.setParameter("types", List.copyOf(item.types()));
        }
        for (int i = 0; i < tags.size(); i++) {
            query.setParameter("tag" + i, tags.get(i));
        }
        return query.setMaxResults(maxCount).getResultList();
    }

    public long streamVersion(EntityManager em, String streamId) {
        Long version = em.createQuery("select max(e.streamVersion) from AllFrameEvent e where e.streamId = :stream",
                Long.class).setParameter("stream", streamId).getSingleResult();
        return version == null ? 0 : version;
    }

    /**
     * The stream's version as of the head the caller has locked. Some databases (H2) release a committing
     * transaction's row locks a moment before its rows become visible to other transactions; an appender
     * that got the lock in that moment would read a version that is already outdated. The query therefore
     * also reads the newest position, and is repeated until that position has reached the locked head.
     * <p>
     * The stream's rows are read from version {@code atLeast} on (the version the append expects): some databases
     * (H2) find a maximum by walking every row of the stream in the index, which made an append cost as much as its
     * stream is long. A stream that does not reach {@code atLeast} (a conflict) is measured whole.
     */
    public long streamVersionAtHead(EntityManager em, String streamId, long head, long atLeast) {
        long deadline = System.nanoTime() + HEAD_WAIT_NANOS;
        while (true) {
            Object[] row = em.createQuery("select (select max(e.streamVersion) from AllFrameEvent e"
                            + " where e.streamId = :stream and e.streamVersion >= :atLeast),"
                            + " (select max(g.globalPosition) from AllFrameEvent g)"
                            + " from AllFrameHead h where h.id = :head", Object[].class)
                    .setParameter("stream", streamId).setParameter("atLeast", atLeast)
                    .setParameter("head", HeadRow.ID).getSingleResult();
            long newest = row[1] == null ? 0 : ((Number) row[1]).longValue();
            if (newest >= head) {
                if (row[0] == null && atLeast > 0) {
                    return streamVersion(em, streamId);
                }
                return row[0] == null ? 0 : ((Number) row[0]).longValue();
            }
            if (System.nanoTime() > deadline) {
                throw new EventStoreException(JpaStoreMessages.headAheadOfEvents(head, newest));
            }
            Thread.onSpinWait();
        }
    }

    /** The first of {@code eventIds} that a stored event has, in their order. */
    public Optional<UUID> storedEventId(EntityManager em, List<UUID> eventIds) {
        List<String> stored = em.createQuery("select e.eventId from AllFrameEvent e where e.eventId in :ids",
                String.class).setParameter("ids", eventIds.stream().map(UUID::toString).toList()).getResultList();
        return eventIds.stream().filter(id -> stored.contains(id.toString())).findFirst();
    }

    /** The position every event up to which is committed or never will be: on PostgreSQL the readable head. */
    public long headPosition(EntityManager em) {
        if (database.postgres(em)) {
            return readable(em);
        }
        HeadRow head = em.find(HeadRow.class, HeadRow.ID);
        return head == null ? 0 : head.position();
    }

    /** The result of the append that first used {@code key}, marked as duplicate. */
    public Optional<AppendResult> idempotencyKey(EntityManager em, String key) {
        IdempotencyKeyRow row = em.find(IdempotencyKeyRow.class, key);
        return row == null ? Optional.empty() : Optional.of(resultOf(em, row).asDuplicate());
    }

    /** The appends stored with keys of {@code scope}, in the order of their events (none first), as duplicates. */
    List<AppendResult> appendsOfScope(EntityManager em, String scope) {
        return em.createQuery("select k from AllFrameIdempotencyKey k where k.scope = :scope"
                        + " order by k.firstPosition, k.recordedAt, k.key", IdempotencyKeyRow.class)
                .setParameter("scope", scope).getResultList().stream()
                .map(key -> resultOf(em, key).asDuplicate()).toList();
    }

    /** What the append that first used {@code key} stored. */
    AppendResult resultOf(EntityManager em, IdempotencyKeyRow key) {
        List<EventEnvelope> events = key.firstPosition() == 0 ? List.of()
                : read(em.createQuery("select e from AllFrameEvent e where e.globalPosition between :first and :last"
                                + " order by e.globalPosition", EventRow.class)
                        .setParameter("first", key.firstPosition()).setParameter("last", key.lastPosition()),
                        Integer.MAX_VALUE);
        return new AppendResult(key.streamId(), key.streamVersion(), events, false);
    }

    private List<EventEnvelope> read(TypedQuery<EventRow> query, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        return query.setMaxResults(maxCount).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList().stream().map(mapper::read).toList();
    }
}
