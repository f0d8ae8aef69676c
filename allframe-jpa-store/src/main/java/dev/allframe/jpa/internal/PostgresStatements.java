package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The statements of an append on PostgreSQL, how their parameters are bound and how their replies are read:
 * one object that the single append ({@link PostgresAppender}) and the batched one ({@link PostgresBatch}) both
 * send through, so that the two paths cannot drift apart. An append is two statements sent together:
 * <ol>
 * <li>{@code UPDATE allframe_head ... RETURNING} locks the head row and raises it by the number of events,
 * which gives the events their positions;</li>
 * <li>one {@code INSERT ... SELECT} over arrays of the events reads the head and the stream's version, checks
 * the append's conditions and inserts every event, or none. When the events carry tags, the insert is the first
 * part of a {@code WITH}, whose second part inserts the tags' rows of the events it inserted, at their
 * positions: none when it inserted none.</li>
 * </ol>
 * The query condition ({@link PostgresQueryCondition}) is checked in the second statement, which starts once the
 * first holds the head's lock, so that its snapshot holds every append committed before; the events of the append
 * itself, inserted by that same statement, are not in it.
 * <p>
 * In a transaction a refused condition inserts nothing ({@link #append}); alone in autocommit mode it fails
 * the statement ({@link #appendAlone}): the stream's version is then read as {@code null}, or, when only the
 * query condition is refused, the events' type name is, which the {@code NOT NULL} columns refuse. A batch sends,
 * for each of its appends, the first form, then lowers the head again if the append's first event is not there,
 * then reads the stream's version and, for a query condition, the first event matching it if the append's first
 * event is not there ({@link #batch}).
 * <p>
 * The texts depend on the appends' shapes ({@link Shape}: tagged or not, and the query's shape); those of the
 * shapes met are kept, as are those of batches whose appends all have the same shape, up to a bound.
 */
final class PostgresStatements {

    private static final String RAISE_HEAD = "UPDATE allframe_head SET head_position = head_position + ? WHERE id = 1"
            + " RETURNING head_position;\n";
    /** Formatted with the type name's expression, the stream's version, further conditions and what it returns. */
    private static final String INSERT = "INSERT INTO allframe_events (global_position, event_id, stream_id,"
            + " stream_version, type_name, schema_version, payload, metadata, correlation_id, causation_id, recorded_at,"
            + " tags)"
            + " SELECT h.head_position - ? + e.n, e.event_id, ?, s.version + e.n, %s, e.schema_version,"
            + " e.payload, e.metadata, e.correlation_id, e.causation_id, ?, e.tags"
            + " FROM allframe_head h, %s s,"
            + " unnest(?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::text[], ?::varchar[], ?::varchar[],"
            + " ?::text[])"
            + " WITH ORDINALITY AS e(event_id, type_name, schema_version, payload, metadata, correlation_id,"
            + " causation_id, tags, n)"
            + " WHERE h.id = 1%s"
            + " RETURNING %s";
    /** Formatted with {@link #INSERT}: the tags' rows of the events it inserted, joined by event id. */
    private static final String WITH_TAGS = "WITH appended AS (%s), tagged AS (INSERT INTO allframe_event_tags (tag,"
            + " global_position, type_name) SELECT g.tag, a.global_position, a.type_name FROM appended a"
            + " JOIN unnest(?::varchar[], ?::varchar[]) AS g(event_id, tag) ON g.event_id = a.event_id)"
            + " SELECT stream_version FROM appended";
    private static final String VERSION = "coalesce(max(stream_version), 0)";
    private static final String STREAM = "(SELECT " + VERSION + " AS version FROM allframe_events WHERE stream_id = ?)";
    private static final String STREAM_ALONE = "(SELECT CASE WHEN ? OR " + VERSION + " = ? THEN " + VERSION
            + " END AS version FROM allframe_events WHERE stream_id = ?)";
    private static final String LOWER_HEAD = "UPDATE allframe_head SET head_position = head_position - ? WHERE id = 1";
    private static final String REFUSED = "NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id = ?)";
    private static final String LOWER_HEAD_IF_REFUSED = LOWER_HEAD + " AND " + REFUSED;
    private static final String STREAM_VERSION = "SELECT " + VERSION + " FROM allframe_events WHERE stream_id = ?";
    /** How many texts are kept, and how many characters all of them at most. */
    private static final int KEPT_TEXTS = 512;
    private static final long KEPT_CHARACTERS = 16_000_000L;

    /** What the text of an append depends on: whether its events carry tags, and its query condition's shape. */
    record Shape(boolean tagged, Optional<PostgresQueryCondition.Shape> query) {

        static final Shape PLAIN = new Shape(false, Optional.empty());

        static Shape of(AppendRequest request) {
            QueryCondition condition = request.queryCondition();
            return new Shape(request.tagged(), condition == null ? Optional.empty()
                    : Optional.of(PostgresQueryCondition.Shape.of(condition.failIfEventsMatch())));
        }
    }

    /** The statement texts, by form, shape and number of appends. */
    private enum Form {
        APPEND, ALONE, BATCHED, BATCH, REFUSED
    }

    private record Text(Form form, Shape shape, int appends) {
    }

    private final EventRowMapper mapper;
    private final int cachedBatches;
    private final Map<Text, String> texts = new ConcurrentHashMap<>();
    private final AtomicLong keptCharacters = new AtomicLong();

    /** @param cachedBatches up to how many appends the statement texts of {@link #batch} are kept */
    PostgresStatements(EventRowMapper mapper, int cachedBatches) {
        this.mapper = mapper;
        this.cachedBatches = cachedBatches;
    }

    /** An append that inserts nothing when a condition does not hold. */
    String append(PreparedAppend prepared) {
        Shape shape = Shape.of(prepared.request());
        return text(new Text(Form.APPEND, shape, 1), () -> RAISE_HEAD + insert(shape, false));
    }

    /** An append that fails when a condition does not hold, for a connection in autocommit mode. */
    String appendAlone(PreparedAppend prepared) {
        Shape shape = Shape.of(prepared.request());
        return text(new Text(Form.ALONE, shape, 1), () -> RAISE_HEAD + insert(shape, true));
    }

    /**
     * {@code appends} in one statement text, each as {@link #append} then a head fix, a version read and, for a
     * query condition, a read of the first event matching it.
     */
    String batch(List<PreparedAppend> appends) {
        Shape first = Shape.of(appends.get(0).request());
        boolean alike = appends.stream().allMatch(append -> first.equals(Shape.of(append.request())));
        if (alike && appends.size() <= cachedBatches) {
            return text(new Text(Form.BATCH, first, appends.size()),
                    () -> String.join(";\n", Collections.nCopies(appends.size(), batched(first))));
        }
        List<String> each = new ArrayList<>(appends.size());
        for (PreparedAppend append : appends) {
            each.add(batched(Shape.of(append.request())));
        }
        return String.join(";\n", each);
    }

    /** One append of {@link #batch}. */
    private String batched(Shape shape) {
        return text(new Text(Form.BATCHED, shape, 1), () -> RAISE_HEAD + insert(shape, false) + ";\n"
                + LOWER_HEAD_IF_REFUSED + ";\n" + STREAM_VERSION + shape.query()
                .map(query -> ";\n" + query.firstMatch(REFUSED))
                .orElse(""));
    }

    /** Lowers the head again, then reads the stream's version and the first event matching the query condition. */
    private String refused(Shape shape) {
        return text(new Text(Form.REFUSED, shape, 1), () -> LOWER_HEAD + ";\n" + STREAM_VERSION
                + shape.query().map(query -> ";\n" + query.firstMatch()).orElse(""));
    }

    private static String insert(Shape shape, boolean alone) {
        String typeName = "e.type_name";
        String stream = STREAM_ALONE;
        String conditions = "";
        if (alone) {
            if (shape.query().isPresent()) {
                typeName = "CASE WHEN s.version IS NULL OR (" + shape.query().get().free() + ") THEN e.type_name END";
            }
        } else {
            stream = STREAM;
            conditions = " AND (? OR s.version = ?)" + shape.query().map(query -> " AND " + query.free()).orElse("");
        }
        String insert = INSERT.formatted(typeName, stream, conditions,
                shape.tagged() ? "event_id, global_position, type_name, stream_version" : "stream_version");
        return shape.tagged() ? WITH_TAGS.formatted(insert) : insert;
    }

    /** The text {@code key} names, kept while the bounds allow. */
    private String text(Text key, Supplier<String> text) {
        String known = texts.get(key);
        if (known == null) {
            known = text.get();
            if (texts.size() < KEPT_TEXTS && keptCharacters.get() + known.length() <= KEPT_CHARACTERS
                    && texts.putIfAbsent(key, known) == null) {
                keptCharacters.addAndGet(known.length());
            }
        }
        return known;
    }

    /** Binds the parameters of {@link #append} from {@code first} on; returns the index after them. */
    int bindAppend(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared)
            throws SQLException {
        return bind(statement, first, connection, prepared, false);
    }

    /** Binds the parameters of {@link #appendAlone}. */
    void bindAppendAlone(PreparedStatement statement, Connection connection, PreparedAppend prepared)
            throws SQLException {
        bind(statement, 1, connection, prepared, true);
    }

    /** Binds the parameters of one append of {@link #batch} from {@code first} on; returns the index after. */
    int bindBatched(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared)
            throws SQLException {
        AppendRequest request = prepared.request();
        String firstEvent = request.events().get(0).eventId().toString();
        int p = bindAppend(statement, first, connection, prepared);
        statement.setLong(p++, request.events().size());
        statement.setString(p++, firstEvent);
        statement.setString(p++, request.streamId());
        if (request.queryCondition() != null) {
            statement.setString(p++, firstEvent);
            p = PostgresQueryCondition.bind(statement, p, connection, request.queryCondition());
        }
        return p;
    }

    private int bind(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared,
                     boolean alone) throws SQLException {
        AppendRequest request = prepared.request();
        QueryCondition query = request.queryCondition();
        Instant now = prepared.now();
        int count = prepared.size();
        String[] ids = new String[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        String[] correlations = new String[count];
        String[] causations = new String[count];
        String[] tags = new String[count];
        for (int i = 0; i < count; i++) {
            EventRow row = prepared.rows().get(i);
            ids[i] = row.eventId();
            types[i] = row.typeName();
            schemaVersions[i] = row.schemaVersion();
            payloads[i] = row.payload();
            metadata[i] = row.metadata();
            correlations[i] = row.correlationId();
            causations[i] = row.causationId();
            tags[i] = row.tags();
        }
        int p = first;
        statement.setLong(p++, count);
        statement.setLong(p++, count);
        statement.setString(p++, request.streamId());
        if (alone && query != null) {
            p = PostgresQueryCondition.bind(statement, p, connection, query);
        }
        statement.setObject(p++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (alone) {
            p = bindCondition(statement, p, request);
        }
        statement.setString(p++, request.streamId());
        statement.setArray(p++, connection.createArrayOf("varchar", ids));
        statement.setArray(p++, connection.createArrayOf("varchar", types));
        statement.setArray(p++, connection.createArrayOf("int4", schemaVersions));
        statement.setArray(p++, connection.createArrayOf("text", payloads));
        statement.setArray(p++, connection.createArrayOf("text", metadata));
        statement.setArray(p++, connection.createArrayOf("varchar", correlations));
        statement.setArray(p++, connection.createArrayOf("varchar", causations));
        statement.setArray(p++, connection.createArrayOf("text", tags));
        if (!alone) {
            p = bindCondition(statement, p, request);
            if (query != null) {
                p = PostgresQueryCondition.bind(statement, p, connection, query);
            }
        }
        if (request.tagged()) {
            p = bindTags(statement, p, connection, request.events());
        }
        return p;
    }

    /** {@code ? OR version = ?}: whether any version will do, and else the version expected. */
    private static int bindCondition(PreparedStatement statement, int p, AppendRequest request) throws SQLException {
        OptionalLong expected = request.condition().expectedVersion();
        statement.setBoolean(p, expected.isEmpty());
        statement.setLong(p + 1, expected.orElse(0));
        return p + 2;
    }

    /** The tags' rows of {@link #WITH_TAGS}: for each tag of each event, the event's id and the tag. */
    private static int bindTags(PreparedStatement statement, int p, Connection connection, List<NewEvent> events)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (NewEvent event : events) {
            for (String tag : event.tags()) {
                ids.add(event.eventId().toString());
                tags.add(tag);
            }
        }
        statement.setArray(p, connection.createArrayOf("varchar", ids.toArray()));
        statement.setArray(p + 1, connection.createArrayOf("varchar", tags.toArray()));
        return p + 2;
    }

    /** The head before an append of {@code count} events, from the reply of its first statement. */
    long headBefore(ResultSet raised, int count) throws SQLException {
        try (raised) {
            if (!raised.next()) {
                throw new EventStoreException(JpaStoreMessages.headRowMissing());
            }
            return raised.getLong(1) - count;
        }
    }

    /** The stream's version after the insert of {@code count} events; empty when a condition refused them. */
    OptionalLong insertedVersion(ResultSet versions, int count) throws SQLException {
        try (versions) {
            long version = 0;
            int inserted = 0;
            while (versions.next()) {
                version = Math.max(version, versions.getLong(1));
                inserted++;
            }
            return inserted == count ? OptionalLong.of(version) : OptionalLong.empty();
        }
    }

    /** The stream's version, from the reply of the version read of {@link #batch}. */
    long streamVersion(ResultSet version) throws SQLException {
        try (version) {
            version.next();
            return version.getLong(1);
        }
    }

    long streamVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STREAM_VERSION)) {
            query.setString(1, streamId);
            return streamVersion(query.executeQuery());
        }
    }

    /**
     * Takes back the positions {@code prepared}, refused in {@code connection}'s transaction, raised the head by,
     * and tells which condition refused it, in one round trip: the error to throw.
     */
    RuntimeException refuse(Connection connection, PreparedAppend prepared) throws SQLException {
        AppendRequest request = prepared.request();
        try (PreparedStatement refused = connection.prepareStatement(refused(Shape.of(request)))) {
            refused.setLong(1, prepared.size());
            refused.setString(2, request.streamId());
            if (request.queryCondition() != null) {
                PostgresQueryCondition.bind(refused, 3, connection, request.queryCondition());
            }
            refused.execute();
            refused.getMoreResults();
            long version = streamVersion(refused.getResultSet());
            Optional<PostgresQueryCondition.Match> match = Optional.empty();
            if (request.queryCondition() != null) {
                refused.getMoreResults();
                match = PostgresQueryCondition.match(refused.getResultSet());
            }
            return refusal(request, version, match);
        }
    }

    /**
     * The refusal of {@code request}, read in the transaction that refused it, as the portable path reports it: the
     * stream's version first, then the query condition.
     *
     * @param actualVersion the stream's version
     * @param match         the first event matching the query condition, if read
     */
    RuntimeException refusal(AppendRequest request, long actualVersion,
                             Optional<PostgresQueryCondition.Match> match) {
        if (request.queryCondition() == null || !request.condition().acceptsVersion(actualVersion)) {
            return AppendConditions.conflict(request, actualVersion);
        }
        return PostgresQueryCondition.conflict(request, match);
    }

    /** What {@code prepared} stored, its events after {@code headBefore} and its stream now at {@code version}. */
    AppendResult appended(PreparedAppend prepared, long headBefore, long version) {
        AppendRequest request = prepared.request();
        List<NewEvent> events = request.events();
        int count = events.size();
        long first = version - count;
        List<EventEnvelope> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stored.add(mapper.appended(events.get(i), prepared.newest().get(i), request.streamId(), first + i + 1,
                    headBefore + i + 1, prepared.now()));
        }
        return new AppendResult(request.streamId(), version, stored, false);
    }
}
