package dev.allframe.event;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which events a decision depends on, as dcb.events defines a query: an event matches when it matches any one of
 * the items ({@link QueryItem}: types OR-ed, tags AND-ed). A query of no items matches every event.
 */
public record EventQuery(List<QueryItem> items) {

    private static final EventQuery ALL = new EventQuery(List.of());

    public EventQuery {
        items = List.copyOf(items);
    }

    /** The query every event matches. */
    public static EventQuery all() {
        return ALL;
    }

    /** Events matching any of {@code items}. */
    public static EventQuery of(QueryItem... items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("A query of no items matches every event: write EventQuery.all()");
        }
        return new EventQuery(List.of(items));
    }

    /** Events of any type carrying every one of {@code tags}. */
    public static EventQuery tagged(String... tags) {
        return of(QueryItem.tagged(tags));
    }

    /** This query, or events matching {@code item}. */
    public EventQuery or(QueryItem item) {
        if (items.isEmpty()) {
            return this;
        }
        return new EventQuery(Stream.concat(items.stream(), Stream.of(item)).toList());
    }

    /** Whether this query matches every event. */
    public boolean matchesAll() {
        return items.isEmpty() || items.stream().anyMatch(item -> item.types().isEmpty() && item.tags().isEmpty());
    }

    /** Whether an event of {@code typeName} carrying {@code tags} matches. */
    public boolean matches(String typeName, Set<String> tags) {
        if (items.isEmpty()) {
            return true;
        }
        for (QueryItem item : items) {
            if (item.matches(typeName, tags)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return items.isEmpty() ? "every event"
                : items.stream().map(QueryItem::toString).collect(Collectors.joining(" or ", "events of ", ""));
    }
}
