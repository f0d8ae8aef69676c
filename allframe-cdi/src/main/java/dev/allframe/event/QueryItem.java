package dev.allframe.event;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One item of an {@link EventQuery}: an event matches it when its stored type name is one of {@code types} (any type
 * when there are none) and it carries every one of {@code tags} (no tag asked for: any tags).
 *
 * @param types stored type names ({@link EventType}), OR-ed
 * @param tags  tags, AND-ed
 */
public record QueryItem(Set<String> types, Set<String> tags) {

    public QueryItem {
        types = ordered(types, "type");
        tags = ordered(tags, "tag");
    }

    /** Events of any type carrying every one of {@code tags}. */
    public static QueryItem tagged(String... tags) {
        return new QueryItem(Set.of(), Set.of(tags));
    }

    /** Events of one of {@code types}, whatever their tags. */
    public static QueryItem ofTypes(String... types) {
        return new QueryItem(Set.of(types), Set.of());
    }

    /** This item, limited to events of one of {@code types}. */
    public QueryItem withTypes(String... types) {
        return new QueryItem(Set.of(types), tags);
    }

    /** Whether an event of {@code typeName} carrying {@code eventTags} matches this item. */
    public boolean matches(String typeName, Set<String> eventTags) {
        return (types.isEmpty() || types.contains(typeName)) && eventTags.containsAll(tags);
    }

    @Override
    public String toString() {
        return (types.isEmpty() ? "any type" : "types " + types) + (tags.isEmpty() ? "" : " tagged " + tags);
    }

    private static Set<String> ordered(Collection<String> values, String what) {
        requireNonNull(values, what + "s");
        Set<String> copy = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("A query item's " + what + " must not be null or empty: " + values);
            }
            copy.add(value);
        }
        return Collections.unmodifiableSet(copy);
    }
}
