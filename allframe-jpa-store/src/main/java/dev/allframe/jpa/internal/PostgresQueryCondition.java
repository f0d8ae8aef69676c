package dev.allframe.jpa.internal;

import dev.allframe.command.QueryConflictException;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.QueryCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query condition ({@link QueryCondition}) in PostgreSQL's SQL, for the statements of {@link PostgresStatements}:
 * whether no stored event after the condition's position matches the query ({@link Shape#free()}), and which
 * matching event is the first ({@link Shape#firstMatch()}). Each item of the query is a set of positions, as
 * {@link EventReader} reads them: an item with tags from the rows of its first tag, a range of their key, each also
 * carrying the item's other tags; an item without tags from the log by position. The statement text depends only
 * on the query's {@link Shape} (how many items, how many tags each and whether it names types); the tags, types and
 * position are parameters.
 */
final class PostgresQueryCondition {

    private PostgresQueryCondition() {
    }

    /** The text of the statements for a query, whatever its tags, types and position. */
    record Shape(List<Item> items) {

        /** An item: how many tags it asks for, and whether it names types. */
        record Item(int tags, boolean types) {
        }

        Shape {
            items = List.copyOf(items);
        }

        static Shape of(EventQuery query) {
            return new Shape(PostgresQueryCondition.items(query).stream()
                    .map(item -> new Item(item.tags().size(), !item.types().isEmpty())).toList());
        }

        /** {@code NOT EXISTS} over each item, AND-ed: true when no event after the position matches. */
        String free() {
            return items.stream().map(item -> "NOT EXISTS (" + positions(item) + ")")
                    .collect(Collectors.joining(" AND "));
        }

        /**
         * The position, type and stream of the first event after the position that matches, as one row; no row
         * when none matches. Each item's first position is one step of an index; the least of them is the answer.
         */
        String firstMatch() {
            return firstMatch("");
        }

        /** As {@link #firstMatch()}, read only where {@code condition}, which comes first, holds. */
        String firstMatch(String condition) {
            return "SELECT f.global_position, f.type_name, f.stream_id FROM allframe_events f"
                    + " WHERE " + (condition.isEmpty() ? "" : condition + " AND ") + "f.global_position = least("
                    + items.stream()
                    .map(item -> "(" + positions(item) + " ORDER BY " + alias(item) + ".global_position LIMIT 1)")
                    .collect(Collectors.joining(", ")) + ")";
        }

        /**
         * The positions of the events after {@code ?} matching {@code item}: with tags, the rows of its first
         * tag (its key's range) whose position also has a row of each other tag; without, the log's rows.
         */
        private static String positions(Item item) {
            String alias = alias(item);
            String types = item.types() ? " AND " + alias + ".type_name = ANY(?::varchar[])" : "";
            if (item.tags() == 0) {
                return "SELECT m.global_position FROM allframe_events m WHERE m.global_position > ?" + types;
            }
            StringBuilder sql = new StringBuilder("SELECT q.global_position FROM allframe_event_tags q WHERE q.tag = ?"
                    + " AND q.global_position > ?").append(types);
            for (int i = 1; i < item.tags(); i++) {
                String other = "q" + i;
                sql.append(" AND EXISTS (SELECT 1 FROM allframe_event_tags ").append(other).append(" WHERE ")
                        .append(other).append(".tag = ? AND ").append(other).append(".global_position = q.global_position)");
            }
            return sql.toString();
        }

        private static String alias(Item item) {
            return item.tags() == 0 ? "m" : "q";
        }
    }

    /** The first event after the position that matches: what the refusal names. */
    record Match(long position, String typeName, String streamId) {
    }

    /**
     * The query's items as the statements take them: a query every event matches is one item without tags or types,
     * which every event after the position matches.
     */
    static List<QueryItem> items(EventQuery query) {
        return query.matchesAll() ? List.of(new QueryItem(Set.of(), Set.of())) : query.items();
    }

    /** Binds the parameters of {@link Shape#free()} or {@link Shape#firstMatch()} from {@code p} on; the index after. */
    static int bind(PreparedStatement statement, int p, Connection connection, QueryCondition condition)
            throws SQLException {
        for (QueryItem item : items(condition.failIfEventsMatch())) {
            List<String> tags = List.copyOf(item.tags());
            if (!tags.isEmpty()) {
                statement.setString(p++, tags.get(0));
            }
            statement.setLong(p++, condition.after());
            if (!item.types().isEmpty()) {
                statement.setArray(p++, connection.createArrayOf("varchar", item.types().toArray()));
            }
            for (int i = 1; i < tags.size(); i++) {
                statement.setString(p++, tags.get(i));
            }
        }
        return p;
    }

    /** The reply of {@link Shape#firstMatch()}: empty when it has no row. */
    static Optional<Match> match(ResultSet first) throws SQLException {
        try (first) {
            return first.next() ? Optional.of(new Match(first.getLong(1), first.getString(2), first.getString(3)))
                    : Optional.empty();
        }
    }

    /** Reads the first event matching {@code condition} on {@code connection}. */
    static Optional<Match> firstMatch(Connection connection, QueryCondition condition) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                Shape.of(condition.failIfEventsMatch()).firstMatch())) {
            bind(query, 1, connection, condition);
            return match(query.executeQuery());
        }
    }

    /**
     * The refusal of {@code request} for its query condition, naming {@code match}.
     *
     * @throws IllegalStateException there is no match: then the condition held, and the append was not refused for it
     */
    static QueryConflictException conflict(AppendRequest request, Optional<Match> match) {
        QueryCondition condition = request.queryCondition();
        Match first = match.orElseThrow(() -> new IllegalStateException("The append to stream '" + request.streamId()
                + "' was refused, yet no event after position " + condition.after() + " matches "
                + condition.failIfEventsMatch() + " and its stream's version was the one expected"));
        return condition.refusedBy(request.streamId(), first.position(), first.typeName(), first.streamId());
    }
}
