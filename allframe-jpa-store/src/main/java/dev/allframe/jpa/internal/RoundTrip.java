package dev.allframe.jpa.internal;

import static dev.allframe.AllFrameMessage.describe;

import dev.allframe.spi.event.EventSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Whether a value survives the trip through its JSON: read back as the store will read it, it must equal itself.
 * Events and snapshots are checked this way before they are stored, so that nothing is kept that reads back as less
 * than it was, or not at all. Equality is the class's own {@code equals}: a class without one cannot tell, and does
 * not pass.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /**
     * What differs between {@code expected} and what {@code read} makes of {@code json}, the JSON written for it;
     * empty when they are equal. Names properties, never their values.
     */
    static Optional<String> difference(Object expected, String json, Function<String, Object> read,
                                       EventSerializer serializer) {
        Object back;
        try {
            back = read.apply(json);
        } catch (RuntimeException e) {
            return Optional.of("reading it back fails with " + describe(e));
        }
        if (Objects.equals(back, expected)) {
            return Optional.empty();
        }
        if (back == null) {
            return Optional.of("it reads back as null");
        }
        String again;
        try {
            again = serializer.toJson(back);
        } catch (RuntimeException e) {
            return Optional.of("what it reads back as cannot be written again: " + describe(e));
        }
        if (!again.equals(json)) {
            return Optional.of(properties(json, again, serializer));
        }
        return Optional.of(hasOwnEquals(expected.getClass())
                ? "it reads back as the same JSON, but its equals tells the two apart"
                : "it reads back as the same JSON, but " + expected.getClass().getName() + " has no equals of its own"
                        + " to tell that it is equal (a record has one)");
    }

    private static String properties(String written, String readBack, EventSerializer serializer) {
        Map<?, ?> before;
        Map<?, ?> after;
        try {
            before = serializer.fromJson(written, Map.class);
            after = serializer.fromJson(readBack, Map.class);
        } catch (RuntimeException notAnObject) {
            return "it reads back as different JSON";
        }
        TreeSet<String> names = new TreeSet<>();
        before.keySet().forEach(key -> names.add(String.valueOf(key)));
        after.keySet().forEach(key -> names.add(String.valueOf(key)));
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            if (!after.containsKey(name)) {
                differences.add("property '" + name + "' is lost");
            } else if (!before.containsKey(name)) {
                differences.add("property '" + name + "' appears");
            } else if (!Objects.equals(before.get(name), after.get(name))) {
                differences.add("property '" + name + "' reads back different");
            }
        }
        return differences.isEmpty() ? "it reads back as different JSON" : "it reads back with " + String.join(", ",
                differences);
    }

    private static boolean hasOwnEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
