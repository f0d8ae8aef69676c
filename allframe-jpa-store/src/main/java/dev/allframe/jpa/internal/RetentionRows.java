package dev.allframe.jpa.internal;

import dev.allframe.saga.SagaState;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Removes idempotency keys, closed scopes and finished sagas whose retention passed, one bounded batch in the
 * caller's transaction, which should be short and of its own. None of it takes the head row's lock, so appends
 * go on meanwhile: the rows removed are old ones no append writes. On PostgreSQL each batch is one statement whose
 * rows are picked, oldest first by the index on their time, {@code FOR UPDATE SKIP LOCKED} into an array, then
 * removed by primary key, so that processes removing at the same time take disjoint batches and never wait for
 * each other (an {@code IN} subquery instead lets the planner scan the whole table for each batch). Elsewhere the batch is picked first and then removed by primary key; a
 * second process removing the same rows at the same time waits for the first and finds them gone. Either way a
 * row is removed once, and a batch that fails removes nothing.
 */
public final class RetentionRows {

    private static final List<String> FINISHED = Arrays.stream(SagaState.values()).filter(s -> !s.unfinished())
            .map(SagaState::name).toList();
    private static final List<String> UNFINISHED = Arrays.stream(SagaState.values()).filter(SagaState::unfinished)
            .map(SagaState::name).toList();

    private static final String POSTGRES_KEYS = "DELETE FROM allframe_idempotency_keys WHERE idempotency_key"
            + " = ANY (ARRAY(SELECT k.idempotency_key FROM allframe_idempotency_keys k WHERE k.recorded_at < ?"
            + " AND (k.idempotency_scope IS NULL OR NOT EXISTS (SELECT 1 FROM allframe_closed_scopes c"
            + " WHERE c.idempotency_scope = k.idempotency_scope))"
            + " ORDER BY k.recorded_at LIMIT ? FOR UPDATE OF k SKIP LOCKED))";
    private static final String POSTGRES_SCOPES = "WITH scopes AS (DELETE FROM allframe_closed_scopes"
            + " WHERE idempotency_scope = ANY (ARRAY(SELECT idempotency_scope FROM allframe_closed_scopes"
            + " WHERE closed_at < ? ORDER BY closed_at LIMIT ? FOR UPDATE SKIP LOCKED)) RETURNING idempotency_scope),"
            + " scope_keys AS (DELETE FROM allframe_idempotency_keys"
            + " WHERE idempotency_scope IN (SELECT idempotency_scope FROM scopes))"
            + " SELECT count(*) FROM scopes";
    private static final String POSTGRES_SAGAS = "WITH sagas AS (DELETE FROM allframe_sagas WHERE saga_id = ANY (ARRAY("
            + "SELECT saga_id FROM allframe_sagas WHERE saga_state IN (" + quoted(FINISHED) + ") AND updated_at < ?"
            + " ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)) RETURNING saga_id),"
            + " steps AS (DELETE FROM allframe_saga_steps WHERE saga_id IN (SELECT saga_id FROM sagas))"
            + " SELECT count(*) FROM sagas";

    private RetentionRows() {
    }

    /** Up to {@code limit} keys stored before {@code before}, oldest first, but none of a closed scope. */
    public static int pruneKeys(EntityManager em, Instant before, int limit) {
        if (HibernateJdbc.isPostgres(em)) {
            return HibernateJdbc.onConnectionOf(em, connection -> {
                try (PreparedStatement delete = connection.prepareStatement(POSTGRES_KEYS)) {
                    bind(delete, before, limit);
                    return delete.executeUpdate();
                }
            });
        }
        List<String> keys = em.createQuery("select k.key from AllFrameIdempotencyKey k where k.recordedAt < :before"
                        + " and (k.scope is null or not exists (select c.scope from AllFrameClosedScope c"
                        + " where c.scope = k.scope)) order by k.recordedAt, k.key", String.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
        return keys.isEmpty() ? 0 : em.createQuery("delete from AllFrameIdempotencyKey k where k.key in :keys")
                .setParameter("keys", keys).executeUpdate();
    }

    /** Up to {@code limit} scopes closed before {@code before}, oldest first, each with the keys stored with it. */
    public static int pruneClosedScopes(EntityManager em, Instant before, int limit) {
        if (HibernateJdbc.isPostgres(em)) {
            return counted(em, POSTGRES_SCOPES, before, limit);
        }
        List<String> scopes = em.createQuery("select c.scope from AllFrameClosedScope c where c.closedAt < :before"
                        + " order by c.closedAt, c.scope", String.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
        if (scopes.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from AllFrameIdempotencyKey k where k.scope in :scopes")
                .setParameter("scopes", scopes).executeUpdate();
        return em.createQuery("delete from AllFrameClosedScope c where c.scope in :scopes")
                .setParameter("scopes", scopes).executeUpdate();
    }

    /** Up to {@code limit} finished sagas last updated before {@code before}, oldest first, with their histories. */
    public static int pruneFinishedSagas(EntityManager em, Instant before, int limit) {
        if (HibernateJdbc.isPostgres(em)) {
            return counted(em, POSTGRES_SAGAS, before, limit);
        }
        List<String> ids = em.createQuery("select s.sagaId from AllFrameSaga s where s.state in :finished"
                        + " and s.updatedAt < :before order by s.updatedAt, s.sagaId", String.class)
                .setParameter("finished", FINISHED).setParameter("before", before).setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from AllFrameSagaStep s where s.sagaId in :ids").setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("delete from AllFrameSaga s where s.sagaId in :ids").setParameter("ids", ids)
                .executeUpdate();
    }

    /** When the oldest unfinished saga started, whether its stored values read or not. */
    public static Optional<Instant> oldestUnfinishedStart(EntityManager em) {
        return Optional.ofNullable(em.createQuery("select min(s.startedAt) from AllFrameSaga s"
                + " where s.state in :unfinished", Instant.class).setParameter("unfinished", UNFINISHED)
                .getSingleResult());
    }

    private static int counted(EntityManager em, String sql, Instant before, int limit) {
        return HibernateJdbc.onConnectionOf(em, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, before, limit);
                try (ResultSet count = statement.executeQuery()) {
                    count.next();
                    return count.getInt(1);
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Instant before, int limit) throws SQLException {
        statement.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        statement.setInt(2, limit);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
    }
}
