package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.saga.SagaRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Sagas and their histories as rows, in the caller's transaction. The input and each output are JSON
 * with their class names, read back with the application's class loader. An unfinished saga whose values
 * no longer read is left out of {@link #unfinished}, so that it does not keep the others from being
 * recovered, and reported once.
 */
public final class SagaRows {

    private static final List<String> UNFINISHED = List.of(SagaState.RUNNING.name(), SagaState.COMPENSATING.name());
    private static final String TYPE = "type";
    private static final String JSON = "json";
    /** The longest trace context kept: a W3C {@code traceparent} has 55 characters; a longer one is not kept. */
    private static final int TRACE_PARENT_LENGTH = 100;

    private static final Logger LOG = Logger.getLogger(SagaRows.class.getName());

    private final EventSerializer serializer;
    private final ClassLoader loader;
    private final Set<String> unreadableReported = ConcurrentHashMap.newKeySet();

    public SagaRows(EventSerializer serializer, ClassLoader loader) {
        this.serializer = serializer;
        this.loader = loader;
    }

    /** Stores a new saga whose lease runs until {@code leaseUntil}, with {@code entries}, the first of its history. */
    public void start(EntityManager em, SagaRecord saga, Instant leaseUntil, List<SagaLogEntry> entries) {
        String id = saga.id().toString();
        SagaRow row = new SagaRow(id);
        write(row, saga);
        row.leaseUntil(leaseUntil);
        em.persist(row);
        for (SagaLogEntry entry : entries) {
            SagaStepRow step = new SagaStepRow(id, entry.number());
            step.write(entry);
            em.persist(step);
        }
    }

    public void save(EntityManager em, SagaRecord saga, List<SagaLogEntry> entries) {
        String id = saga.id().toString();
        SagaRow row = em.find(SagaRow.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SagaRow(id);
            write(row, saga);
            row.leaseUntil(saga.leaseUntil());
            em.persist(row);
        } else if (!row.owner().equals(saga.owner())) {
            throw new SagaTakenOverException(saga.saga(), saga.id(), row.owner());
        } else {
            write(row, saga);
        }
        for (SagaLogEntry entry : entries) {
            SagaStepRow step = em.find(SagaStepRow.class, new SagaStepRow.Key(id, entry.number()));
            if (step == null) {
                step = new SagaStepRow(id, entry.number());
                step.write(entry);
                em.persist(step);
            } else {
                step.write(entry);
            }
        }
    }

    public Optional<SagaRecord> find(EntityManager em, UUID sagaId) {
        return Optional.ofNullable(em.find(SagaRow.class, sagaId.toString())).map(this::record);
    }

    public List<SagaLogEntry> history(EntityManager em, UUID sagaId) {
        return em.createQuery("SELECT s FROM AllFrameSagaStep s WHERE s.sagaId = :id ORDER BY s.number", SagaStepRow.class)
                .setParameter("id", sagaId.toString()).getResultList().stream().map(SagaStepRow::entry).toList();
    }

    public List<SagaRecord> unfinished(EntityManager em) {
        return decoded(em.createQuery(
                "SELECT s FROM AllFrameSaga s WHERE s.state IN :states ORDER BY s.startedAt, s.sagaId", SagaRow.class)
                .setParameter("states", UNFINISHED).getResultList());
    }

    /** Selected in SQL, by the index on the state: only these are read. */
    public List<SagaRecord> expired(EntityManager em, Instant now, int limit) {
        return decoded(em.createQuery("SELECT s FROM AllFrameSaga s WHERE s.state IN :states"
                        + " AND (s.leaseUntil IS NULL OR s.leaseUntil <= :now) ORDER BY s.startedAt, s.sagaId",
                SagaRow.class).setParameter("states", UNFINISHED).setParameter("now", now).setMaxResults(limit)
                .getResultList());
    }

    /** The sagas of {@code rows} that read; each that does not is reported once and left. */
    private List<SagaRecord> decoded(List<SagaRow> rows) {
        List<SagaRecord> unfinished = new ArrayList<>();
        for (SagaRow row : rows) {
            try {
                unfinished.add(record(row));
            } catch (EventStoreException unreadable) {
                if (unreadableReported.add(row.sagaId())) {
                    LOG.warning(JpaStoreMessages.unreadableSagaLeft(row.sagaName(), row.sagaId(), row.state(),
                            unreadable.getMessage()).toString());
                }
            }
        }
        return unfinished;
    }

    public Optional<SagaRecord> claim(EntityManager em, UUID sagaId, String owner, Instant now, Instant leaseUntil) {
        SagaRow row = em.find(SagaRow.class, sagaId.toString(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !UNFINISHED.contains(row.state())
                || (row.leaseUntil() != null && row.leaseUntil().isAfter(now))) {
            return Optional.empty();
        }
        row.claim(owner, leaseUntil, now);
        return Optional.of(record(row));
    }

    public void renewLeases(EntityManager em, String owner, Collection<UUID> sagaIds, Instant leaseUntil) {
        em.createQuery("UPDATE AllFrameSaga s SET s.leaseUntil = :until WHERE s.owner = :owner AND s.sagaId IN :ids"
                        + " AND s.state IN :states")
                .setParameter("until", leaseUntil).setParameter("owner", owner)
                .setParameter("ids", sagaIds.stream().map(UUID::toString).toList())
                .setParameter("states", UNFINISHED).executeUpdate();
    }

    private void write(SagaRow row, SagaRecord saga) {
        row.write(saga, inputJson(saga), outputsJson(saga), traceParent(saga));
    }

    /** The saga's input as it is stored: JSON; {@code AF2021} when it cannot be written. */
    String inputJson(SagaRecord saga) {
        return json(saga, "input", saga.input());
    }

    /** The saga's outputs as they are stored: JSON of each output's class and JSON, by step. */
    String outputsJson(SagaRecord saga) {
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        saga.outputs().forEach((step, output) -> outputs.put(step, Map.of(TYPE, output.getClass().getName(),
                JSON, json(saga, "output of step '" + step + "'", output))));
        return serializer.toJson(outputs);
    }

    /** The trace context kept with the saga: none when it is longer than a W3C {@code traceparent} can be. */
    static String traceParent(SagaRecord saga) {
        return saga.traceParent() == null || saga.traceParent().length() > TRACE_PARENT_LENGTH ? null
                : saga.traceParent();
    }


    private SagaRecord record(SagaRow row) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<?, ?> stored = serializer.fromJson(row.outputs(), Map.class);
        stored.forEach((step, value) -> {
            Map<?, ?> typed = (Map<?, ?>) value;
            outputs.put(String.valueOf(step), value(row.sagaId(), "output of step '" + step + "'",
                    String.valueOf(typed.get(TYPE)), String.valueOf(typed.get(JSON))));
        });
        return new SagaRecord(UUID.fromString(row.sagaId()), row.sagaName(), SagaState.valueOf(row.state()),
                row.currentStep(), row.stepCount(), value(row.sagaId(), "input", row.inputType(), row.input()), outputs,
                row.failedStep(), row.failure(), row.owner(), row.leaseUntil(), row.startedAt(), row.updatedAt(),
                row.traceParent());
    }

    private String json(SagaRecord saga, String what, Object value) {
        try {
            return serializer.toJson(value);
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unwritableSagaValue(saga.id().toString(), what, value, e), e);
        }
    }

    private Object value(String sagaId, String what, String type, String json) {
        try {
            return serializer.fromJson(json, Class.forName(type, false, loader));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unreadableSagaValue(sagaId, what, type, e), e);
        }
    }
}
