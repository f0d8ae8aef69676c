package dev.allframe.memory;

import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sagas in memory, for the in-memory event store: they live as long as the application, or until retention removes
 * them once finished.
 */
public final class InMemorySagaStore implements SagaStore {

    private final Map<UUID, SagaRecord> sagas = new LinkedHashMap<>();
    private final Map<UUID, Map<Integer, SagaLogEntry>> histories = new HashMap<>();

    @Override
    public synchronized void save(SagaRecord saga, SagaLogEntry entry) {
        SagaRecord stored = sagas.get(saga.id());
        if (stored != null && !stored.owner().equals(saga.owner())) {
            throw new SagaTakenOverException(saga.saga(), saga.id(), stored.owner());
        }
        sagas.put(saga.id(), stored == null ? saga : saga.ownedBy(saga.owner(),
                SagaRecord.later(stored.leaseUntil(), saga.leaseUntil()), saga.updated()));
        if (entry != null) {
            histories.computeIfAbsent(saga.id(), id -> new LinkedHashMap<>()).put(entry.number(), entry);
        }
    }

    @Override
    public synchronized Optional<SagaRecord> find(UUID sagaId) {
        return Optional.ofNullable(sagas.get(sagaId));
    }

    @Override
    public synchronized List<SagaLogEntry> history(UUID sagaId) {
        List<SagaLogEntry> entries = new ArrayList<>(histories.getOrDefault(sagaId, Map.of()).values());
        entries.sort(Comparator.comparingInt(SagaLogEntry::number));
        return entries;
    }

    @Override
    public synchronized List<SagaRecord> unfinished() {
        return sagas.values().stream().filter(saga -> saga.state().unfinished())
                .sorted(Comparator.comparing(SagaRecord::started)).toList();
    }

    @Override
    public synchronized Optional<SagaRecord> claim(UUID sagaId, String owner, Instant now, Instant leaseUntil) {
        SagaRecord saga = sagas.get(sagaId);
        if (saga == null || !saga.state().unfinished() || (saga.leaseUntil() != null && saga.leaseUntil().isAfter(now))) {
            return Optional.empty();
        }
        SagaRecord claimed = saga.ownedBy(owner, leaseUntil, now);
        sagas.put(sagaId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void renewLeases(String owner, Collection<UUID> sagaIds, Instant leaseUntil) {
        sagas.replaceAll((id, saga) -> sagaIds.contains(id) && saga.state().unfinished() && saga.owner().equals(owner)
                ? saga.ownedBy(owner, leaseUntil, saga.updated()) : saga);
    }

    @Override
    public synchronized Optional<Instant> oldestUnfinishedStart() {
        return sagas.values().stream().filter(saga -> saga.state().unfinished()).map(SagaRecord::started)
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized int pruneFinished(Instant before, int limit) {
        List<SagaRecord> oldest = sagas.values().stream()
                .filter(saga -> !saga.state().unfinished() && saga.updated().isBefore(before))
                .sorted(Comparator.comparing(SagaRecord::updated)).limit(Math.max(0, limit)).toList();
        for (SagaRecord saga : oldest) {
            sagas.remove(saga.id());
            histories.remove(saga.id());
        }
        return oldest.size();
    }
}
