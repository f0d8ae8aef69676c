package dev.allframe.core.message;

import static dev.allframe.AllFrameMessage.describe;
import static dev.allframe.core.message.Texts.list;
import static dev.allframe.core.message.Texts.path;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;
import java.util.List;

/** Event types, their versions and upcasters: deployment problems and failures while reading. */
public final class EventMessages {

    static final MessageTemplate AF1024 = new MessageTemplate("AF1024",
            "Event classes %s and %s are both stored as '%s' version %s; give one of them another @EventType name");
    static final MessageTemplate AF1063 = new MessageTemplate("AF1063",
            "Event class %s is stored as type name '%s...', which is %s characters long; event stores keep type names"
            + " of up to %s characters: give it a shorter @EventType name");
    static final MessageTemplate AF1031 = new MessageTemplate("AF1031",
            "Event %s has %s upcasters, it needs at most one: %s");
    static final MessageTemplate AF1032 = new MessageTemplate("AF1032",
            "Upcasters of '%s' go round in a cycle: %s (%s)");
    static final MessageTemplate AF1033 = new MessageTemplate("AF1033",
            "Event %s has no upcaster path to the newest version %s: %s and no upcaster leaves version %s");
    static final MessageTemplate AF1034 = new MessageTemplate("AF1034",
            "Upcaster %s must turn one event class into another, but turns %s into %s");
    static final MessageTemplate AF1035 = new MessageTemplate("AF1035",
            "Upcaster %s turns '%s' into '%s'; an upcaster keeps the type name and raises the version");
    static final MessageTemplate AF1036 = new MessageTemplate("AF1036",
            "Event class %s declares @UpcastFrom(%s.class), but has no public constructor or public static from"
            + " method taking a %s");
    static final MessageTemplate AF1037 = new MessageTemplate("AF1037",
            "@Upcaster method %s must be an instance method, neither private nor generic, taking one event");
    static final MessageTemplate AF1038 = new MessageTemplate("AF1038",
            "@JsonUpcaster method %s must be an instance method taking and returning a jakarta.json.JsonObject");
    static final MessageTemplate AF1039 = new MessageTemplate("AF1039",
            "Event '%s' has upcasters, but no event class has that name");
    static final MessageTemplate AF1127 = new MessageTemplate("AF1127",
            "Event %s is held as an object, but its upcaster %s works on JSON; only a store that keeps JSON can"
            + " bring it up to date");
    static final MessageTemplate AF1128 = new MessageTemplate("AF1128",
            "Upcaster %s failed on event %s: %s");
    static final MessageTemplate AF1184 = new MessageTemplate("AF1184",
            "Event class %s is not one of the application's event classes, so it is not appended to stream '%s':"
            + " they are found at deployment in what command handlers return, states apply, projections handle and"
            + " upcasters take or make, sealed types with the classes they permit; nothing of the append was stored");

    private EventMessages() {
    }

    public static AllFrameMessage eventTypeClash(String name, int version, Class<?> one, Class<?> other) {
        boolean ordered = one.getName().compareTo(other.getName()) <= 0;
        return AF1024.with((ordered ? one : other).getName(), (ordered ? other : one).getName(), name, version);
    }

    public static AllFrameMessage typeNameTooLong(Class<?> eventClass, String name, int limit) {
        return AF1063.with(eventClass.getName(), name.substring(0, 40), name.length(), limit);
    }

    public static AllFrameMessage upcasterFork(String from, Collection<String> sites) {
        return AF1031.with(from, sites.size(), list(sites));
    }

    public static AllFrameMessage upcasterCycle(String name, List<Integer> versions, Collection<String> sites) {
        return AF1032.with(name, path(versions), list(sites));
    }

    public static AllFrameMessage upcasterGap(String from, int newest, List<Integer> reached) {
        return AF1033.with(from, newest, path(reached), reached.get(reached.size() - 1));
    }

    public static AllFrameMessage upcasterWithoutEventTypes(String site, Class<?> from, Class<?> to) {
        return AF1034.with(site, from.getName(), to.getName());
    }

    public static AllFrameMessage upcasterRenames(String site, String from, String to) {
        return AF1035.with(site, from, to);
    }

    public static AllFrameMessage badUpcastFrom(Class<?> newer, Class<?> older) {
        return AF1036.with(newer.getName(), older.getSimpleName(), older.getName());
    }

    public static AllFrameMessage badUpcaster(String site) {
        return AF1037.with(site);
    }

    public static AllFrameMessage badJsonUpcaster(String site) {
        return AF1038.with(site);
    }

    public static AllFrameMessage upcastersWithoutNewestClass(String name) {
        return AF1039.with(name);
    }

    public static AllFrameMessage jsonUpcasterOnObject(String site, String from) {
        return AF1127.with(from, site);
    }

    public static AllFrameMessage upcasterFailed(String site, String from, Throwable cause) {
        return AF1128.with(site, from, describe(cause));
    }

    public static AllFrameMessage unknownEventClass(Class<?> eventClass, String streamId) {
        return AF1184.with(eventClass.getName(), streamId);
    }
}
