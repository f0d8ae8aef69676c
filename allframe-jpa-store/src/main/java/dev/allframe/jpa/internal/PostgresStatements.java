package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.DuplicateEventIdException;
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
import java.util.UUID;
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

    /** Formatted with whether to wait for the appends holding lower positions (query conditions). */
    private static final String TAKE = "SELECT allframe_take_positions(?::int, %s);\n";
    /** Formatted with the type name's expression, the stream's version, further conditions and what it returns. */
    private static final String INSERT = "INSERT INTO allframe_events (global_position, event_id, stream_id,"
            + " stream_version, type_name, schema_version, payload, metadata, correlation_id, causation_id, recorded_at,"
            + " tags)"
            + " SELECT h.head_position - ? + e.n, e.event_id, ?, s.version + e.n, %s, e.schema_version,"
            + " e.payload, e.metadata, e.correlation_id, e.causation_id, ?, e.tags"
            + " FROM (SELECT currval('allframe_positions') AS head_position) h, %s s,"
            + " unnest(?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::text[], ?::varchar[], ?::varchar[],"
            + " ?::text[])"
            + " WITH ORDINALITY AS e(event_id, type_name, schema_version, payload, metadata, correlation_id,"
            + " causation_id, tags, n)"
            + " WHERE s.last <= h.head_position - ?%s%s"
            + " RETURNING %s";
    /** Formatted with {@link #INSERT}: the tags' rows of the events it inserted, joined by event id. */
    private static final String WITH_TAGS = "WITH appended AS (%s), tagged AS (INSERT INTO allframe_event_tags (tag,"
            + " global_position, type_name) SELECT g.tag, a.global_position, a.type_name FROM appended a"
            + " JOIN unnest(?::varchar[], ?::varchar[]) AS g(event_id, tag) ON g.event_id = a.event_id)"
            + " SELECT stream_version FROM appended";
    /** The stream's version and the position of its newest event, from the newest row alone. */
    private static final String VERSION = "coalesce(max(n.stream_version), 0)";
    private static final String LAST = "coalesce(max(n.global_position), 0)";
    private static final String NEWEST = " FROM (SELECT stream_version, global_position FROM allframe_events"
            + " WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1) n";
    private static final String STREAM = "(SELECT " + VERSION + " AS version, " + LAST + " AS last" + NEWEST + ")";
    private static final String STREAM_ALONE = "(SELECT CASE WHEN ? OR " + VERSION + " = ? THEN " + VERSION
            + " END AS version, " + LAST + " AS last" + NEWEST + ")";
    /**
     * In a transaction, an event another append stored at the same version, or with the same id, is not inserted
     * instead of failing the statement (and with it the caller's transaction).
     */
    private static final String SKIP_TAKEN = " ON CONFLICT DO NOTHING";
    private static final String REFUSED = "NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id = ?)";
    private static final String STREAM_VERSION = "SELECT " + VERSION + ", " + LAST + NEWEST;
    /**
     * In a transaction, an append with a query condition takes its positions and inserts after a savepoint: when it
     * is refused, or has to take new positions, going back to the savepoint removes what it inserted and ends the hold
     * on its positions at once, so that it never waits for lower positions while holding some of its own.
     */
    private static final String SAVEPOINT = "SAVEPOINT allframe_append;\n";
    private static final String BACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT allframe_append;\n"
            + "RELEASE SAVEPOINT allframe_append;\n";
    /** Removes what an append inserted before another append's event at one of its versions stopped it. */
    private static final String REMOVE_PART = "DELETE FROM allframe_event_tags WHERE global_position BETWEEN ? AND ?;\n"
            + "DELETE FROM allframe_events WHERE global_position BETWEEN ? AND ?;\n";
    /** Gives the positions back when no append took any after them ({@code allframe_give_back}). */
    private static final String GIVE_BACK = "SELECT CAST(allframe_give_back(?::int) AS TEXT)";
    /** Gives back the positions that end at the one given, whatever this session took since. */
    private static final String GIVE_BACK_TAKEN = "SELECT CAST(allframe_give_back(?::int, ?::bigint) AS TEXT)";
    /** The first of the append's event ids that another append stored. */
    private static final String STORED_ID = "SELECT event_id FROM allframe_events WHERE event_id = ANY(?::varchar[])"
            + " LIMIT 1";
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
        APPEND, APPEND_KEYED, ALONE, BATCHED, BATCH, REFUSED
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
        return text(new Text(Form.APPEND, shape, 1), () -> (savesPoint(shape) ? SAVEPOINT : "") + take(shape)
                + insert(shape, false, true));
    }

    /** An append as {@link #append}, then the store of its key ({@link PostgresKeys#INSERT_AFTER_APPEND}). */
    String appendKeyed(PreparedAppend prepared) {
        Shape shape = Shape.of(prepared.request());
        return text(new Text(Form.APPEND_KEYED, shape, 1), () -> append(prepared) + ";\n"
                + PostgresKeys.INSERT_AFTER_APPEND);
    }

    /** An append that fails when a condition does not hold, for a connection in autocommit mode. */
    String appendAlone(PreparedAppend prepared) {
        Shape shape = Shape.of(prepared.request());
        return text(new Text(Form.ALONE, shape, 1), () -> take(shape) + insert(shape, true, false));
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
        return text(new Text(Form.BATCHED, shape, 1), () -> take(shape) + insert(shape, false, false) + ";\n"
                + GIVE_BACK + " WHERE " + REFUSED + ";\n" + STREAM_VERSION + shape.query()
                .map(query -> ";\n" + query.firstMatch(REFUSED))
                .orElse(""));
    }

    /**
     * Removes what a refused append inserted (the part stored before another append's event stopped it; with a query
     * condition by going back to its savepoint, which also ends the hold on its positions) and gives its positions
     * back, then reads the stream's version and newest position, the first of its event ids stored by another append,
     * and the first event matching the query condition. Each form runs two statements before the one giving back.
     */
    private String refused(Shape shape) {
        return text(new Text(Form.REFUSED, shape, 1), () -> (savesPoint(shape) ? BACK_TO_SAVEPOINT : REMOVE_PART)
                + GIVE_BACK + ";\n" + STREAM_VERSION + ";\n" + STORED_ID
                + shape.query().map(query -> ";\n" + query.firstMatch()).orElse(""));
    }

    /**
     * Takes back an append stored in {@code connection}'s transaction, which then failed (an inline listener threw):
     * removes its events and tags and gives its positions back, in one round trip, should the caller commit all the
     * same. The positions are named: the listener may have appended since.
     */
    void takeBack(Connection connection, AppendResult appended) throws SQLException {
        List<EventEnvelope> events = appended.events();
        long first = events.get(0).globalPosition();
        long last = events.get(events.size() - 1).globalPosition();
        try (PreparedStatement takeBack = connection.prepareStatement(REMOVE_PART + GIVE_BACK_TAKEN)) {
            takeBack.setLong(1, first);
            takeBack.setLong(2, last);
            takeBack.setLong(3, first);
            takeBack.setLong(4, last);
            takeBack.setInt(5, events.size());
            takeBack.setLong(6, last);
            takeBack.execute();
        }
    }

    /** Gives the positions of a refused append alone back, on {@code connection} in autocommit mode. */
    void giveBack(Connection connection, PreparedAppend prepared) throws SQLException {
        try (PreparedStatement giveBack = connection.prepareStatement(GIVE_BACK)) {
            giveBack.setInt(1, prepared.size());
            giveBack.execute();
        }
    }

    /**
     * Whether an append of {@code shape} in a transaction sets a savepoint ({@link #SAVEPOINT}): one that waits for
     * lower positions, with a query condition.
     */
    private static boolean savesPoint(Shape shape) {
        return shape.query().isPresent();
    }

    /** Takes the positions; for a query condition, waits for the appends that hold lower ones to end. */
    private static String take(Shape shape) {
        return TAKE.formatted(shape.query().isPresent());
    }

    /**
     * @param alone        a refused condition fails the statement (autocommit mode)
     * @param skipConflict an event another append stored at one of the versions inserts nothing instead of failing
     */
    private static String insert(Shape shape, boolean alone, boolean skipConflict) {
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
        String insert = INSERT.formatted(typeName, stream, conditions, skipConflict ? SKIP_TAKEN : "",
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
        statement.setInt(p++, request.events().size());
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
        statement.setLong(p++, count);
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

    /**
     * The positions before an append of {@code count} events, from {@code append}'s reply, just run: the first result
     * that is rows (a savepoint before it has none).
     */
    long headBefore(PreparedStatement append, boolean rows, int count) throws SQLException {
        while (!rows && append.getUpdateCount() != -1) {
            rows = append.getMoreResults();
        }
        return headBefore(append.getResultSet(), count);
    }

    /** The positions before an append of {@code count} events, from the reply of its first statement. */
    long headBefore(ResultSet raised, int count) throws SQLException {
        try (raised) {
            if (!raised.next()) {
                throw new EventStoreException(JpaStoreMessages.headRowMissing());
            }
            return raised.getLong(1) - count;
        }
    }

    /** How many of an append's events its insert stored, and the stream's version after the last of them. */
    record Inserted(int events, long version) {

        boolean all(int count) {
            return events == count;
        }
    }

    /** What the insert of an append stored, from its reply. */
    Inserted inserted(ResultSet versions) throws SQLException {
        try (versions) {
            long version = 0;
            int inserted = 0;
            while (versions.next()) {
                version = Math.max(version, versions.getLong(1));
                inserted++;
            }
            return new Inserted(inserted, version);
        }
    }

    /**
     * The stream's version after the insert of {@code count} events; empty when a condition refused them.
     */
    OptionalLong insertedVersion(ResultSet versions, int count) throws SQLException {
        Inserted inserted = inserted(versions);
        return inserted.all(count) ? OptionalLong.of(inserted.version()) : OptionalLong.empty();
    }

    /** A stream's version and the position of its newest event. */
    record Stream(long version, long last) {
    }

    /** The stream's version and newest position, from the reply of {@link #STREAM_VERSION}. */
    Stream stream(ResultSet version) throws SQLException {
        try (version) {
            version.next();
            return new Stream(version.getLong(1), version.getLong(2));
        }
    }

    Stream stream(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STREAM_VERSION)) {
            query.setString(1, streamId);
            return stream(query.executeQuery());
        }
    }

    /**
     * Why {@code prepared}, whose events were to follow {@code headBefore}, was refused in {@code connection}'s
     * transaction, in one round trip that also removes what it inserted: the error to throw, or empty when no
     * condition refused it and it is to take new positions (another append stored an event of its stream at higher
     * positions, or at one of its versions, after it read the stream).
     */
    Optional<RuntimeException> refuse(Connection connection, PreparedAppend prepared, long headBefore)
            throws SQLException {
        AppendRequest request = prepared.request();
        Shape shape = Shape.of(request);
        try (PreparedStatement refused = connection.prepareStatement(refused(shape))) {
            int p = 1;
            if (!savesPoint(shape)) {
                long first = headBefore + 1;
                long last = headBefore + prepared.size();
                refused.setLong(p++, first);
                refused.setLong(p++, last);
                refused.setLong(p++, first);
                refused.setLong(p++, last);
            }
            refused.setInt(p++, prepared.size());
            refused.setString(p++, request.streamId());
            refused.setArray(p++, connection.createArrayOf("varchar",
                    request.events().stream().map(event -> event.eventId().toString()).toArray()));
            if (request.queryCondition() != null) {
                PostgresQueryCondition.bind(refused, p, connection, request.queryCondition());
            }
            refused.execute();
            refused.getMoreResults();
            refused.getMoreResults();
            refused.getMoreResults();
            Stream stream = stream(refused.getResultSet());
            refused.getMoreResults();
            Optional<String> storedId;
            try (ResultSet ids = refused.getResultSet()) {
                storedId = ids.next() ? Optional.of(ids.getString(1)) : Optional.empty();
            }
            Optional<PostgresQueryCondition.Match> match = Optional.empty();
            if (request.queryCondition() != null) {
                refused.getMoreResults();
                match = PostgresQueryCondition.match(refused.getResultSet());
            }
            Optional<RuntimeException> refusal = refusal(request, stream.version(), match);
            if (refusal.isEmpty() && storedId.isPresent()) {
                return Optional.of(DuplicateEventIdException.storedBefore(request.streamId(),
                        UUID.fromString(storedId.get())));
            }
            return refusal;
        }
    }

    /**
     * The refusal of {@code request}, read in the transaction that refused it, as the portable path reports it: the
     * stream's version first, then the query condition.
     *
     * @param actualVersion the stream's version
     * @param match         the first event matching the query condition, if read
     */
    Optional<RuntimeException> refusal(AppendRequest request, long actualVersion,
                                       Optional<PostgresQueryCondition.Match> match) {
        if (!request.condition().acceptsVersion(actualVersion)) {
            return Optional.of(AppendConditions.conflict(request, actualVersion));
        }
        if (request.queryCondition() != null && match.isPresent()) {
            return Optional.of(PostgresQueryCondition.conflict(request, match));
        }
        return Optional.empty();
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
