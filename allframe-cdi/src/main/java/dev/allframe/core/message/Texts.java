package dev.allframe.core.message;

import java.time.Duration;
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

    /** As configured: {@code 7d}, {@code 36h}, {@code 90s}, {@code 250ms}, in the largest unit that measures it exactly. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
