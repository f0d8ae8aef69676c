package dev.allframe.event;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tags: the strings an event carries besides its stream, by which {@link EventQuery queries} find it. A tag is any
 * non-empty string a store keeps (at most 200 characters, no U+0000); by convention {@code key:value}, as
 * {@link #of(String, Object)} makes it.
 */
public final class Tags {

    private Tags() {
    }

    /** The tag {@code key:value}. */
    public static String of(String key, Object value) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("A tag needs a key and a value: " + key + ":" + value);
        }
        return key + ":" + value;
    }

    /**
     * {@code tags} as an unmodifiable set in their first order; empty for {@code null}.
     *
     * @throws IllegalArgumentException a tag is {@code null} or empty
     */
    public static Set<String> copyOf(Collection<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Set.of();
        }
        Set<String> copy = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isEmpty()) {
                throw new IllegalArgumentException("A tag must not be null or empty: " + tags);
            }
            copy.add(tag);
        }
        return Collections.unmodifiableSet(copy);
    }
}
