package dev.allframe.core.version;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes.EventTypeName;
import dev.allframe.core.EventTypes;
import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.EventMessages;
import dev.allframe.event.UpcastFrom;
import dev.allframe.event.VersionRegistry.UpcasterKind;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link VersionGraph}: finds the upcasters (bean methods, {@link UpcastFrom} declarations,
 * JSON upcasters), registers the older event classes they name, and reports forks, cycles, gaps and
 * malformed upcasters, all of them.
 */
public final class VersionGraphBuilder {

    private static final String JSON_OBJECT = "jakarta.json.JsonObject";

    private final EventTypeRegistry registry;
    private final Problems problems;
    private final List<UpcastStep> steps = new ArrayList<>();

    private VersionGraphBuilder(EventTypeRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    public static VersionGraph build(EventTypeRegistry registry, List<UpcasterMethod> methods, Problems problems) {
        VersionGraphBuilder builder = new VersionGraphBuilder(registry, problems);
        methods.stream().sorted(Comparator.comparing(m -> Sites.of(m.method()))).forEach(builder::method);
        builder.automatic();
        return builder.graph();
    }

    private void method(UpcasterMethod upcaster) {
        Method method = upcaster.method();
        String site = Sites.of(method);
        int modifiers = method.getModifiers();
        boolean shaped = !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
                && method.getTypeParameters().length == 0 && method.getParameterCount() == 1;
        if (upcaster.json()) {
            if (!shaped || !method.getParameterTypes()[0].getName().equals(JSON_OBJECT)
                    || !method.getReturnType().getName().equals(JSON_OBJECT)) {
                problems.add(EventMessages.badJsonUpcaster(site));
                return;
            }
            steps.add(new UpcastStep(new EventKey(upcaster.jsonType(), upcaster.jsonFrom()),
                    new EventKey(upcaster.jsonType(), upcaster.jsonFrom() + 1), UpcasterKind.JSON, site, method,
                    upcaster.beanClass(), null));
            return;
        }
        if (!shaped) {
            problems.add(EventMessages.badUpcaster(site));
            return;
        }
        classStep(method.getParameterTypes()[0], method.getReturnType(), UpcasterKind.METHOD, site, method,
                upcaster.beanClass());
    }

    /** Follows {@link UpcastFrom} from every registered class down to the oldest version. */
    private void automatic() {
        Deque<Class<?>> pending = new ArrayDeque<>(registry.classes());
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> newer = pending.pop();
            UpcastFrom from = newer.getAnnotation(UpcastFrom.class);
            if (!seen.add(newer) || from == null) {
                continue;
            }
            Class<?> older = from.value();
            Executable member = converter(newer, older);
            if (member == null) {
                problems.add(EventMessages.badUpcastFrom(newer, older));
                continue;
            }
            if (classStep(older, newer, UpcasterKind.AUTOMATIC, site(member), member, null)) {
                pending.push(older);
            }
        }
    }

    private boolean classStep(Class<?> from, Class<?> to, UpcasterKind kind, String site, Executable member,
                              Class<?> beanClass) {
        if (!isEventClass(from) || !isEventClass(to)) {
            problems.add(EventMessages.upcasterWithoutEventTypes(site, from, to));
            return false;
        }
        EventTypeName older;
        EventTypeName newer;
        try {
            older = registry.register(from);
            newer = registry.register(to);
        } catch (EventStoreException e) {
            problems.add(e.allFrameMessage());
            return false;
        }
        if (!older.name().equals(newer.name())) {
            problems.add(EventMessages.upcasterRenames(site, older.name(), newer.name()));
            return false;
        }
        steps.add(new UpcastStep(new EventKey(older.name(), older.version()), new EventKey(newer.name(), newer.version()),
                kind, site, member, beanClass, from));
        return true;
    }

    private VersionGraph graph() {
        Map<EventKey, List<UpcastStep>> bySource = new TreeMap<>(Comparator.comparing(EventKey::name)
                .thenComparing(EventKey::version));
        steps.forEach(step -> bySource.computeIfAbsent(step.from(), k -> new ArrayList<>()).add(step));
        Map<EventKey, UpcastStep> edges = new LinkedHashMap<>();
        bySource.forEach((from, leaving) -> {
            if (leaving.size() > 1) {
                problems.add(EventMessages.upcasterFork(from.toString(), leaving.stream().map(UpcastStep::site).toList()));
            }
            edges.put(from, leaving.get(0));
        });
        Map<String, Integer> newest = newestVersions(edges);
        Set<EventKey> inCycles = cycles(edges);
        Map<EventKey, List<UpcastStep>> chains = new HashMap<>();
        for (EventKey start : knownKeys(edges)) {
            Integer last = newest.get(start.name());
            if (last == null || start.version() == last || inCycles.contains(start)) {
                continue;
            }
            chain(start, last, edges).ifPresent(chain -> chains.put(start, chain));
        }
        return new VersionGraph(steps, chains, newest);
    }

    /** Reports every cycle once and returns the keys that lead into one. */
    private Set<EventKey> cycles(Map<EventKey, UpcastStep> edges) {
        Set<EventKey> leadingIntoCycles = new HashSet<>();
        Set<Set<EventKey>> reported = new HashSet<>();
        for (EventKey start : edges.keySet()) {
            List<EventKey> walked = new ArrayList<>();
            EventKey current = start;
            while (current != null && !walked.contains(current)) {
                walked.add(current);
                UpcastStep step = edges.get(current);
                current = step == null ? null : step.to();
            }
            if (current == null) {
                continue;
            }
            leadingIntoCycles.addAll(walked);
            List<EventKey> cycle = walked.subList(walked.indexOf(current), walked.size());
            if (reported.add(new HashSet<>(cycle))) {
                List<Integer> versions = new ArrayList<>(cycle.stream().map(EventKey::version).toList());
                versions.add(current.version());
                problems.add(EventMessages.upcasterCycle(current.name(), versions,
                        cycle.stream().map(key -> edges.get(key).site()).toList()));
            }
        }
        return leadingIntoCycles;
    }

    /** The newest version of every name that has upcasters: its highest registered class. */
    private Map<String, Integer> newestVersions(Map<EventKey, UpcastStep> edges) {
        Map<String, Integer> newest = new TreeMap<>();
        for (Class<?> type : registry.classes()) {
            EventTypeName name = EventTypes.of(type);
            newest.merge(name.name(), name.version(), Math::max);
        }
        Map<String, Integer> withUpcasters = new TreeMap<>();
        for (EventKey from : edges.keySet()) {
            Integer last = newest.get(from.name());
            if (last == null) {
                if (!withUpcasters.containsKey(from.name())) {
                    problems.add(EventMessages.upcastersWithoutNewestClass(from.name()));
                }
                withUpcasters.put(from.name(), -1);
            } else {
                withUpcasters.put(from.name(), last);
            }
        }
        withUpcasters.values().removeIf(v -> v < 0);
        return withUpcasters;
    }

    private Set<EventKey> knownKeys(Map<EventKey, UpcastStep> edges) {
        Set<EventKey> keys = new TreeSet<>(Comparator.comparing(EventKey::name).thenComparing(EventKey::version));
        for (UpcastStep step : edges.values()) {
            keys.add(step.from());
            keys.add(step.to());
        }
        for (Class<?> type : registry.classes()) {
            EventTypeName name = EventTypes.of(type);
            keys.add(new EventKey(name.name(), name.version()));
        }
        return keys;
    }

    /** The steps from {@code start} to version {@code last}, or empty after reporting a gap. */
    private Optional<List<UpcastStep>> chain(EventKey start, int last, Map<EventKey, UpcastStep> edges) {
        List<UpcastStep> chain = new ArrayList<>();
        List<Integer> versions = new ArrayList<>(List.of(start.version()));
        EventKey current = start;
        while (current.version() != last) {
            UpcastStep step = edges.get(current);
            if (step == null) {
                problems.add(EventMessages.upcasterGap(start.toString(), last, versions));
                return Optional.empty();
            }
            chain.add(step);
            current = step.to();
            versions.add(current.version());
        }
        return Optional.of(chain);
    }

    private static boolean isEventClass(Class<?> type) {
        return !type.isPrimitive() && !type.isArray() && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers()) && !type.getName().startsWith("java.")
                && !type.getName().startsWith("jakarta.");
    }

    /** The public constructor or public static {@code from} method of {@code newer} taking {@code older}. */
    private static Executable converter(Class<?> newer, Class<?> older) {
        try {
            Method from = newer.getMethod("from", older);
            if (Modifier.isStatic(from.getModifiers()) && newer.isAssignableFrom(from.getReturnType())) {
                return from;
            }
        } catch (NoSuchMethodException e) {
            // no static from(older): look for a constructor
        }
        try {
            return newer.getConstructor(older);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static String site(Executable member) {
        return member instanceof Constructor<?> constructor
                ? constructor.getDeclaringClass().getName() + "#<init>(" + constructor.getParameterTypes()[0].getSimpleName() + ")"
                : Sites.of((Method) member);
    }
}
