package dev.allframe.core.version;

import dev.allframe.event.VersionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checked upcasters of an application and, for every older stored version, the chain of steps
 * that brings it to the newest: computed once at deployment, looked up on each read.
 */
public final class VersionGraph implements VersionRegistry {

    private final List<UpcastStep> steps;
    private final Map<EventKey, List<UpcastStep>> chains;
    private final Map<String, Integer> newest;

    VersionGraph(List<UpcastStep> steps, Map<EventKey, List<UpcastStep>> chains, Map<String, Integer> newest) {
        this.steps = List.copyOf(steps);
        this.chains = Map.copyOf(chains);
        this.newest = Map.copyOf(newest);
    }

    /** A graph without upcasters. */
    public static VersionGraph empty() {
        return new VersionGraph(List.of(), Map.of(), Map.of());
    }

    /** The steps from {@code key} to the newest version; empty when {@code key} needs none. */
    public List<UpcastStep> chainFrom(EventKey key) {
        return chains.getOrDefault(key, List.of());
    }

    public List<UpcastStep> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    @Override
    public List<UpcasterInfo> upcasters() {
        return steps.stream()
                .sorted(Comparator.comparing((UpcastStep s) -> s.from().name()).thenComparing(s -> s.from().version()))
                .map(s -> new UpcasterInfo(s.from().name(), s.from().version(), s.to().version(), s.kind(), s.site()))
                .toList();
    }

    @Override
    public List<MigrationPath> paths() {
        return newest.keySet().stream().sorted().map(this::path).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<MigrationPath> path(String typeName) {
        Integer last = newest.get(typeName);
        if (last == null) {
            return Optional.empty();
        }
        TreeSet<Integer> versions = new TreeSet<>();
        versions.add(last);
        for (UpcastStep step : steps) {
            if (step.from().name().equals(typeName)) {
                versions.add(step.from().version());
                versions.add(step.to().version());
            }
        }
        return Optional.of(new MigrationPath(typeName, new ArrayList<>(versions)));
    }
}
