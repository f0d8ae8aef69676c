package dev.allframe.memory;

import static java.util.Objects.requireNonNull;

import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * them once finished. Leases run out on the store's clock.
 */
public final class InMemorySagaStore implements SagaStore {

    private final Map<UUID, SagaRecord> sagas = new LinkedHashMap<>();
    private final Map<UUID, Map<Integer, SagaLogEntry>> histories = new HashMap<>();
    private final Clock clock;

    /** Sagas whose leases run out on the system clock. */
    public InMemorySagaStore() {
        this(Clock.systemUTC());
    }

    /** Sagas whose leases run out on {@code clock}. */
    public InMemorySagaStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void start(SagaRecord saga, Duration lease) {
        start(saga, lease, List.of());
    }

    @Override
    public synchronized void start(SagaRecord saga, Duration lease, List<SagaLogEntry> entries) {
        sagas.put(saga.id(), saga.ownedBy(saga.owner(), now().plus(lease), saga.updated()));
        addToHistory(saga, entries);
    }

    @Override
    public void save(SagaRecord saga, SagaLogEntry entry) {
        saveAll(saga, entry == null ? List.of() : List.of(entry));
    }

    @Override
    public synchronized void saveAll(SagaRecord saga, List<SagaLogEntry> entries) {
        SagaRecord stored = sagas.get(saga.id());
        if (stored != null && !stored.owner().equals(saga.owner())) {
            throw new SagaTakenOverException(saga.saga(), saga.id(), stored.owner());
        }
        sagas.put(saga.id(), stored == null ? saga : saga.ownedBy(saga.owner(), stored.leaseUntil(), saga.updated()));
        addToHistory(saga, entries);
    }

    /** Adds {@code entries} to the saga's history, each replacing the one of its number. */
    private void addToHistory(SagaRecord saga, List<SagaLogEntry> entries) {
        if (!entries.isEmpty()) {
            Map<Integer, SagaLogEntry> history = histories.computeIfAbsent(saga.id(), id -> new LinkedHashMap<>());
            entries.forEach(entry -> history.put(entry.number(), entry));
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
    public synchronized List<SagaRecord> expired(int limit) {
        Instant now = now();
        return unfinished().stream().filter(saga -> runOut(saga, now)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<SagaRecord> claim(UUID sagaId, String owner, Duration lease) {
        SagaRecord saga = sagas.get(sagaId);
        Instant now = now();
        if (saga == null || !saga.state().unfinished() || !runOut(saga, now)) {
            return Optional.empty();
        }
        SagaRecord claimed = saga.ownedBy(owner, now.plus(lease), now);
        sagas.put(sagaId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void renewLeases(String owner, Collection<UUID> sagaIds, Duration lease) {
        Instant leaseUntil = now().plus(lease);
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

    private static boolean runOut(SagaRecord saga, Instant now) {
        return saga.leaseUntil() == null || !saga.leaseUntil().isAfter(now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
