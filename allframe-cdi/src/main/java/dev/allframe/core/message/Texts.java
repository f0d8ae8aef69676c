package dev.allframe.core.message;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** How message arguments are worded: counts with their nouns, lists of sites and names. */
final class Texts {

    private Texts() {
    }

    /** {@code 1 handler}, {@code 2 handlers}. */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The items separated by commas. */
    static String list(Collection<String> items) {
        return String.join(", ", items);
    }

    /** The items separated by commas, or {@code none}. */
    static String listOrNone(Collection<String> items) {
        return items.isEmpty() ? "none" : list(items);
    }

    /** {@code 1 -> 2 -> 3}. */
    static String path(List<Integer> versions) {
        return versions.stream().map(String::valueOf).collect(Collectors.joining(" -> "));
    }
}
