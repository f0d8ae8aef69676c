package dev.allframe.jpa;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventStoreException;
import dev.allframe.jpa.internal.HibernateJdbc;
import dev.allframe.jpa.internal.JpaStoreMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * AllFrame's tables. Production databases get them from the scripts in
 * {@code META-INF/allframe/sql/<database>.sql} (PostgreSQL, H2, Apache Derby); development can let the
 * store create them ({@code allframe.jpa.create-schema=true}).
 */
public final class JpaSchema {

    private static final Logger LOG = Logger.getLogger(JpaSchema.class.getName());
    private static final String EVENTS_TABLE = "allframe_events";
    private static final String TAGS_TABLE = "allframe_event_tags";
    /** The tables later versions added, in the order they were added: created in a schema that lacks them. */
    private static final List<String> ADDED_TABLES = List.of("allframe_dead_letters", "allframe_projection_leases",
            "allframe_nodes", TAGS_TABLE);
    /** The columns later versions added to a table an earlier one created, by table: added where they are missing. */
    private static final Map<String, List<String>> ADDED_COLUMNS = Map.of("allframe_sagas", List.of("trace_parent"),
            EVENTS_TABLE, List.of("tags"));
    /** The indexes retention's deletes use, by table: added to schemas an earlier version created without them. */
    private static final Map<String, String> RETENTION_INDEXES = retentionIndexes();
    /** On PostgreSQL, the triggers that notify the servers sharing the schema of what was committed. */
    private static final List<String> NOTIFYING_TRIGGERS = List.of("allframe_checkpoints_notify",
            "allframe_projection_leases_notify");
    /**
     * The trigger of earlier versions that notified from each append's transaction, so that appends committed one
     * after the other; the store now tells the other servers after the commit.
     */
    private static final String APPEND_TRIGGER = "allframe_events_notify";
    /**
     * On PostgreSQL, what numbers the events: the sequence of positions and the functions that take them and tell how
     * far readers may read, from the script's {@code CREATE SEQUENCE} to the end of the last function.
     */
    private static final String POSITIONS_SEQUENCE = "allframe_positions";
    private static final List<String> POSITIONS_FUNCTIONS = List.of("allframe_position_keys",
            "allframe_wait_below", "allframe_take_positions", "allframe_hold_appends", "allframe_give_back",
            "allframe_readable");

    private JpaSchema() {
    }

    /**
     * Creates the tables unless they exist; {@code true} when it created them. A schema an earlier version made,
     * without the tables or the indexes a later version added (dead letters, projection
     * leases, nodes, the columns and the indexes later versions added), gets them.
     */
    public static boolean createIfMissing(JpaTransactions transactions) {
        return transactions.write(em -> HibernateJdbc.onConnectionOf(em, JpaSchema::createIfMissing),
                created -> { });
    }

    static boolean createIfMissing(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName();
        if (tableExists(metaData, connection.getCatalog(), connection.getSchema(), EVENTS_TABLE)) {
            for (String table : ADDED_TABLES) {
                if (!tableExists(metaData, connection.getCatalog(), connection.getSchema(), table)) {
                    addTable(connection, product, table);
                }
            }
            addColumns(connection, product);
            addRetentionIndexes(connection, product);
            addPositions(connection, product);
            addNotifications(connection, product);
            removeAppendTrigger(connection, product);
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script(product))) {
                statement.execute(sql);
            }
        }
        LOG.info(JpaStoreMessages.schemaCreated(product).toString());
        return true;
    }

    private static void addTable(Connection connection, String product, String table) throws SQLException {
        String create = createTable(product, table);
        try (Statement statement = connection.createStatement()) {
            statement.execute(create);
        }
        LOG.info(JpaStoreMessages.tableAdded(table, product).toString());
    }

    private static void addColumns(Connection connection, String product) throws SQLException {
        for (Column column : missingColumns(connection)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(addColumn(product, column));
            }
            LOG.info(JpaStoreMessages.columnAdded(column.table(), column.name(), product).toString());
        }
    }

    /**
     * Fails unless the connection's current schema has every column this version stores, in the tables it has, and
     * the tags' table beside the events: a database an earlier version created needs {@code ALTER TABLE} and
     * {@code CREATE TABLE} statements (or the store's {@code allframe.jpa.create-schema=true}) before this version can
     * use it.
     */
    public static void requireCurrent(JpaTransactions transactions) {
        AllFrameMessage missing = transactions.read(em -> HibernateJdbc.onConnectionOf(em, connection -> {
            String product = connection.getMetaData().getDatabaseProductName();
            List<Column> columns = missingColumns(connection);
            if (!columns.isEmpty()) {
                Column column = columns.get(0);
                return JpaStoreMessages.columnMissing(column.table(), column.name(), addColumn(product, column));
            }
            DatabaseMetaData metaData = connection.getMetaData();
            if (tableExists(metaData, connection.getCatalog(), connection.getSchema(), EVENTS_TABLE)
                    && !tableExists(metaData, connection.getCatalog(), connection.getSchema(), TAGS_TABLE)) {
                return JpaStoreMessages.tableMissing(TAGS_TABLE, createTable(product, TAGS_TABLE)
                        .replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")"));
            }
            if (isPostgres(product) && tableExists(metaData, connection.getCatalog(), connection.getSchema(),
                    EVENTS_TABLE) && !hasPositions(connection)) {
                return JpaStoreMessages.positionsMissing(connection.getSchema());
            }
            if (isPostgres(product) && hasAppendTrigger(connection)) {
                LOG.warning(JpaStoreMessages.appendTriggerLeft(connection.getSchema()).toString());
            }
            return null;
        }));
        if (missing != null) {
            throw new EventStoreException(missing);
        }
    }

    /** The columns (table, column) of this version that the tables in the connection's current schema lack. */
    private static List<Column> missingColumns(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<Column> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : ADDED_COLUMNS.entrySet()) {
            if (tableExists(metaData, connection.getCatalog(), connection.getSchema(), table.getKey())) {
                for (String column : table.getValue()) {
                    if (!columnExists(metaData, connection.getCatalog(), connection.getSchema(), table.getKey(),
                            column)) {
                        missing.add(new Column(table.getKey(), column));
                    }
                }
            }
        }
        return missing;
    }

    /** The script's statement that creates {@code table}. */
    private static String createTable(String product, String table) {
        return statements(script(product)).stream()
                .filter(sql -> sql.startsWith("CREATE TABLE " + table + " ")).findFirst().orElseThrow();
    }

    /** The statement that adds {@code column} to {@code table}, as the script's {@code CREATE TABLE} defines it. */
    static String addColumn(String product, Column column) {
        String create = statements(script(product)).stream()
                .filter(sql -> sql.startsWith("CREATE TABLE " + column.table() + " ")).findFirst().orElseThrow();
        String definition = create.lines().map(String::trim).filter(line -> line.startsWith(column.name() + " "))
                .findFirst().orElseThrow();
        return "ALTER TABLE " + column.table() + " ADD COLUMN " + (definition.endsWith(",")
                ? definition.substring(0, definition.length() - 1) : definition);
    }

    private static void addRetentionIndexes(Connection connection, String product) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> index : RETENTION_INDEXES.entrySet()) {
            if (!indexExists(metaData, connection.getCatalog(), connection.getSchema(), index.getValue(),
                    index.getKey())) {
                missing.add(index.getKey());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> statements = statements(script(product));
        try (Statement statement = connection.createStatement()) {
            for (String index : missing) {
                statement.execute(statements.stream().filter(sql -> sql.startsWith("CREATE INDEX " + index + " "))
                        .findFirst().orElseThrow());
            }
        }
        LOG.info(JpaStoreMessages.retentionIndexesAdded(missing, product).toString());
    }

    /**
     * On PostgreSQL, the function and the triggers that notify the servers of what was committed, those missing, to a
     * schema an earlier version created without them.
     */
    private static void addNotifications(Connection connection, String product) throws SQLException {
        if (!isPostgres(product)) {
            return;
        }
        List<String> present = notifyingTriggers(connection);
        if (present.size() == NOTIFYING_TRIGGERS.size()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script(product))) {
                if (sql.startsWith("CREATE OR REPLACE FUNCTION allframe_notify()") || NOTIFYING_TRIGGERS.stream()
                        .anyMatch(trigger -> !present.contains(trigger) && sql.contains("TRIGGER " + trigger + " "))) {
                    statement.execute(sql);
                }
            }
        }
        LOG.info(JpaStoreMessages.notificationsAdded(product).toString());
    }

    /**
     * On PostgreSQL, removes the trigger that notified from each append's transaction, where an earlier version left
     * it.
     */
    private static void removeAppendTrigger(Connection connection, String product) throws SQLException {
        if (!isPostgres(product) || !hasAppendTrigger(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER " + APPEND_TRIGGER + " ON " + EVENTS_TABLE);
        }
        LOG.info(JpaStoreMessages.appendTriggerRemoved(connection.getSchema()).toString());
    }

    private static boolean hasAppendTrigger(Connection connection) throws SQLException {
        return !triggers(connection, List.of(APPEND_TRIGGER)).isEmpty();
    }

    private static boolean isPostgres(String product) {
        return product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * On PostgreSQL, the sequence of positions and its functions ({@link #POSITIONS_FUNCTIONS}), to a schema an
     * earlier version created without them: the sequence starts at the head the schema reached.
     */
    private static void addPositions(Connection connection, String product) throws SQLException {
        if (!isPostgres(product) || hasPositions(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : positionStatements(product)) {
                statement.execute(sql);
            }
        }
        LOG.info(JpaStoreMessages.positionsAdded(connection.getSchema()).toString());
    }

    /** The statements of the script that create the sequence of positions and its functions. */
    static List<String> positionStatements(String product) {
        List<String> all = statements(script(product));
        int first = -1;
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            String sql = all.get(i);
            if (sql.startsWith("CREATE SEQUENCE " + POSITIONS_SEQUENCE + " ")) {
                first = i;
            }
            if (sql.startsWith("CREATE OR REPLACE FUNCTION " + POSITIONS_FUNCTIONS.get(POSITIONS_FUNCTIONS.size() - 1)
                    + "(")) {
                last = i;
            }
        }
        return all.subList(first, last + 1);
    }

    /** Whether the connection's current schema has the sequence of positions and every one of its functions. */
    private static boolean hasPositions(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM pg_class"
                + " WHERE relname = ? AND relkind = 'S' AND relnamespace = to_regnamespace(current_schema())),"
                + " (SELECT count(DISTINCT proname) FROM pg_proc WHERE proname = ANY (?)"
                + " AND pronamespace = to_regnamespace(current_schema()))")) {
            query.setString(1, POSITIONS_SEQUENCE);
            query.setArray(2, connection.createArrayOf("varchar", POSITIONS_FUNCTIONS.toArray()));
            try (ResultSet counts = query.executeQuery()) {
                counts.next();
                return counts.getLong(1) == 1 && counts.getLong(2) == POSITIONS_FUNCTIONS.size();
            }
        }
    }

    /** Whether the PostgreSQL schema has the triggers that notify the servers: all three. */
    public static boolean notifies(Connection connection) throws SQLException {
        return notifyingTriggers(connection).size() == NOTIFYING_TRIGGERS.size();
    }

    /** Which of the triggers that notify the servers the connection's current schema has. */
    private static List<String> notifyingTriggers(Connection connection) throws SQLException {
        return triggers(connection, NOTIFYING_TRIGGERS);
    }

    /** Which of the triggers named {@code names} the connection's current schema has. */
    private static List<String> triggers(Connection connection, List<String> names) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT t.tgname FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = to_regnamespace(current_schema())"
                + " AND t.tgname = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", names.toArray()));
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    present.add(found.getString(1));
                }
            }
        }
        return present;
    }

    private static Map<String, String> retentionIndexes() {
        Map<String, String> indexes = new LinkedHashMap<>();
        indexes.put("allframe_idempotency_keys_recorded_ix", "allframe_idempotency_keys");
        indexes.put("allframe_closed_scopes_closed_ix", "allframe_closed_scopes");
        indexes.put("allframe_sagas_updated_ix", "allframe_sagas");
        return indexes;
    }

    /** The script's statements, without comments; a {@code ;} between {@code $$} quotes does not end one. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '$' && i + 1 < code.length() && code.charAt(i + 1) == '$') {
                quoted = !quoted;
                statement.append("$$");
                i++;
            } else if (c == ';' && !quoted) {
                statements.add(statement.toString().trim());
                statement.setLength(0);
            } else {
                statement.append(c);
            }
        }
        statements.add(statement.toString().trim());
        return statements.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** The schema script for a database product name as JDBC reports it. */
    static String script(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        String file = name.contains("postgres") ? "postgresql" : name.equals("h2") ? "h2"
                : name.contains("derby") ? "derby" : null;
        if (file == null) {
            throw new EventStoreException(JpaStoreMessages.unsupportedDatabase(product));
        }
        try (InputStream in = JpaSchema.class.getResourceAsStream("/META-INF/allframe/sql/" + file + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the connection's current schema has the table. Other schemas do not count: the scripts create
     * the tables in the current one, and a database may well hold AllFrame's tables for another schema.
     */
    private static boolean tableExists(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        String schemaPattern = schema == null ? null : escaped(metaData, schema);
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(catalog, schemaPattern, escaped(metaData, name),
                    new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A column of one of AllFrame's tables. */
    record Column(String table, String name) {
    }

    /** Whether the table, in the connection's current schema, has the column. */
    private static boolean columnExists(DatabaseMetaData metaData, String catalog, String schema, String table,
                                        String column) throws SQLException {
        String schemaPattern = schema == null ? null : escaped(metaData, schema);
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            for (String columnName : List.of(column, column.toUpperCase(Locale.ROOT))) {
                try (ResultSet columns = metaData.getColumns(catalog, schemaPattern, escaped(metaData, name),
                        escaped(metaData, columnName))) {
                    if (columns.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the table, in the connection's current schema, has the index; names compare without case. */
    private static boolean indexExists(DatabaseMetaData metaData, String catalog, String schema, String table,
                                       String index) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet indexes = metaData.getIndexInfo(catalog, schema, name, false, true)) {
                while (indexes.next()) {
                    if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code name} as a metadata search pattern that matches only itself. */
    private static String escaped(DatabaseMetaData metaData, String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
