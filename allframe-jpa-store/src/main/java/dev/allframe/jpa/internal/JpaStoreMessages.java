package dev.allframe.jpa.internal;

import static dev.allframe.AllFrameMessage.describe;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;

/**
 * Every user-facing message of the allframe-jpa-store module, each a {@link MessageTemplate} named like its
 * id in AF2000-AF2099, with a typed factory beside it.
 */
public final class JpaStoreMessages {

    static final MessageTemplate AF2001 = new MessageTemplate("AF2001",
            "Event at position %s (stream '%s', version %s) is stored as type '%s' version %s, which neither an"
            + " event class nor an upcaster path is registered for; the stored row is unchanged");
    static final MessageTemplate AF2002 = new MessageTemplate("AF2002",
            "Event at position %s (stream '%s', version %s, type '%s' version %s) cannot be read: %s; the stored"
            + " row is unchanged");
    static final MessageTemplate AF2003 = new MessageTemplate("AF2003",
            "Table allframe_head has no row: create the schema with the script for your database"
            + " (META-INF/allframe/sql/<database>.sql in allframe-jpa-store) or set allframe.jpa.create-schema=true");
    static final MessageTemplate AF2004 = new MessageTemplate("AF2004",
            "Event %s for stream '%s' cannot be written as JSON: %s");
    static final MessageTemplate AF2005 = new MessageTemplate("AF2005",
            "allframe.jpa.create-schema has no schema script for %s; scripts exist for PostgreSQL, H2 and Apache"
            + " Derby");
    static final MessageTemplate AF2006 = new MessageTemplate("AF2006",
            "Created AllFrame's tables for %s");
    static final MessageTemplate AF2007 = new MessageTemplate("AF2007",
            "State type %s does not read back equal to itself from JSON, so it is not snapshotted; make it a record"
            + " (or give it equals) with JSON-B-readable properties");
    static final MessageTemplate AF2009 = new MessageTemplate("AF2009",
            "The JPA event store found no EntityManagerFactory%s: add"
            + " <mapping-file>META-INF/allframe-orm.xml</mapping-file> to your persistence unit and produce its"
            + " EntityManagerFactory as a CDI bean (@Produces @PersistenceUnit), or name a resource-local unit with"
            + " allframe.jpa.persistence-unit");
    static final MessageTemplate AF2010 = new MessageTemplate("AF2010",
            "The persistence unit uses JTA, but neither the server's naming (java:comp/UserTransaction and"
            + " java:comp/TransactionSynchronizationRegistry) nor the application's beans offer a UserTransaction and"
            + " a TransactionSynchronizationRegistry: %s");
    static final MessageTemplate AF2011 = new MessageTemplate("AF2011",
            "allframe_head is at position %s, but the newest event is at position %s: events were removed outside"
            + " the event store, or the database hides committed rows");
    static final MessageTemplate AF2012 = new MessageTemplate("AF2012",
            "Configuration value '%s' of %s is invalid: expected true or false");
    static final MessageTemplate AF2013 = new MessageTemplate("AF2013",
            "No event store transaction runs on this thread: StoreTransaction.entityManager() is for projection"
            + " handlers called by the JPA event store");
    static final MessageTemplate AF2014 = new MessageTemplate("AF2014",
            "The event store's own JTA transaction failed and was rolled back: %s");
    static final MessageTemplate AF2020 = new MessageTemplate("AF2020",
            "Saga %s stores its %s as %s, which cannot be read: %s; the stored row is unchanged");
    static final MessageTemplate AF2021 = new MessageTemplate("AF2021",
            "The %s of saga %s (a %s) cannot be written as JSON: %s");
    static final MessageTemplate AF2022 = new MessageTemplate("AF2022",
            "Saga '%s' (%s) is left %s and not recovered until its stored values read again; the other unfinished"
            + " sagas are recovered. %s");
    static final MessageTemplate AF2023 = new MessageTemplate("AF2023",
            "The JPA event store keeps events as JSON through Jakarta JSON Binding and finds no implementation of"
            + " it: %s; on Open Liberty enable the jsonb-3.0 feature, in Java SE add one such as Yasson");
    static final MessageTemplate AF2024 = new MessageTemplate("AF2024",
            "The append did not finish: the thread writing it together with other appends failed with %s; whether"
            + " it was stored is unknown until the stream is read");
    static final MessageTemplate AF2025 = new MessageTemplate("AF2025",
            "The append did not finish: the thread that took it to write it together with other appends stopped"
            + " before it was written; whether it was stored is unknown until the stream is read");
    static final MessageTemplate AF2027 = new MessageTemplate("AF2027",
            "Added the table %s to AllFrame's tables on %s, which an earlier version created without it");
    static final MessageTemplate AF2059 = new MessageTemplate("AF2059",
            "Added the column %s to AllFrame's table %s on %s, which an earlier version created without it");
    static final MessageTemplate AF2060 = new MessageTemplate("AF2060",
            "AllFrame's table %s lacks the column %s, which this version stores: an earlier version created it; add"
            + " the column once with '%s', or set allframe.jpa.create-schema=true to let the store add it");
    static final MessageTemplate AF2061 = new MessageTemplate("AF2061",
            "AllFrame's table %s is missing, which this version keeps the events' tags in: an earlier version created"
            + " the others; create it once with '%s', or set allframe.jpa.create-schema=true to let the store add it");
    static final MessageTemplate AF2062 = new MessageTemplate("AF2062",
            "The global log cannot hold more than 1099511627774 positions");
    static final MessageTemplate AF2063 = new MessageTemplate("AF2063",
            "Schema %s lacks the sequence allframe_positions and the functions allframe_position_keys,"
            + " allframe_wait_below, allframe_take_positions, allframe_hold_appends, allframe_give_back and"
            + " allframe_readable that this version numbers events with: run the statements of"
            + " META-INF/allframe/sql/postgresql.sql (in allframe-jpa-store) from CREATE SEQUENCE allframe_positions"
            + " to the end of allframe_readable, or set allframe.jpa.create-schema=true");
    static final MessageTemplate AF2064 = new MessageTemplate("AF2064",
            "Added the sequence allframe_positions and its functions to schema %s (PostgreSQL): appends no longer wait"
            + " for each other's commits");
    static final MessageTemplate AF2065 = new MessageTemplate("AF2065",
            "The append to stream '%s' waited for the transaction of an append holding lower positions, which waited"
            + " in turn for this transaction (a deadlock: a transaction that appended before appends with a query"
            + " condition): the database failed this transaction to end it; roll it back and retry the work in a new"
            + " transaction");
    static final MessageTemplate AF2066 = new MessageTemplate("AF2066",
            "This transaction runs at isolation level %s, but AllFrame reads and appends events on PostgreSQL at read"
            + " committed (each statement with a snapshot of its own: at a higher level a read could pass events"
            + " committed before it, and a query condition miss them): set the data source's isolation level to read"
            + " committed, PostgreSQL's default; nothing was read or stored");
    static final MessageTemplate AF2067 = new MessageTemplate("AF2067",
            "The servers sharing the database were not told that this one committed events up to position %s (%s):"
            + " they find them at their next poll; the next commit tells them again");
    static final MessageTemplate AF2068 = new MessageTemplate("AF2068",
            "Removed the trigger allframe_events_notify from schema %s (PostgreSQL): each append's commit waited in it"
            + " for the commits of every other append; the servers now tell each other of appends after they commit");
    static final MessageTemplate AF2069 = new MessageTemplate("AF2069",
            "Schema %s (PostgreSQL) has the trigger allframe_events_notify of an earlier version: each append's commit"
            + " waits in it for the commits of every other append, of every server; the servers tell each other of"
            + " appends after they commit without it: remove it once with 'DROP TRIGGER allframe_events_notify ON"
            + " allframe_events', or set allframe.jpa.create-schema=true to let the store remove it");
    static final MessageTemplate AF2056 = new MessageTemplate("AF2056",
            "Added the triggers that tell the servers sharing the database what was committed (notifications) to"
            + " AllFrame's tables on %s, which an earlier version created without them");
    static final MessageTemplate AF2057 = new MessageTemplate("AF2057",
            "The servers sharing the database follow each other at each poll, not at once: %s");
    static final MessageTemplate AF2058 = new MessageTemplate("AF2058",
            "A notification of the servers sharing the database was not taken: '%s'");
    static final MessageTemplate AF2045 = new MessageTemplate("AF2045",
            "Added the indexes %s, which retention removes old rows by, to AllFrame's tables on %s, which an earlier"
            + " version created without them");
    static final MessageTemplate AF2030 = new MessageTemplate("AF2030",
            "Event %s for stream '%s' would be stored as type '%s' version %s, which neither an event class nor an"
            + " upcaster path is registered for, so no process could read it back; nothing of the append was stored");
    static final MessageTemplate AF2031 = new MessageTemplate("AF2031",
            "Event %s for stream '%s' does not read back equal to itself from its JSON: %s; nothing of the append was"
            + " stored");

    static final MessageTemplate AF2035 = new MessageTemplate("AF2035",
            "The database refused the append to stream '%s' with SQL state %s (%s), which is no conflict of stream"
            + " versions; nothing of it was stored");
    static final MessageTemplate AF2036 = new MessageTemplate("AF2036",
            "Event %s appended to stream '%s' as type '%s' version %s does not read back in its newest version: %s;"
            + " nothing of the append was stored");
    static final MessageTemplate AF2055 = new MessageTemplate("AF2055",
            "The JPA event store needs %s, but class %s cannot be loaded: add %s");

    private JpaStoreMessages() {
    }

    public static AllFrameMessage unknownEventType(long position, String streamId, long version, String type,
                                                   int schemaVersion) {
        return AF2001.with(position, streamId, version, type, schemaVersion);
    }

    public static AllFrameMessage unreadableEvent(long position, String streamId, long version, String type,
                                                  int schemaVersion, Throwable cause) {
        return AF2002.with(position, streamId, version, type, schemaVersion, describe(cause));
    }

    public static AllFrameMessage headRowMissing() {
        return AF2003.with();
    }

    public static AllFrameMessage unwritableEvent(String type, String streamId, Throwable cause) {
        return AF2004.with(type, streamId, describe(cause));
    }

    public static AllFrameMessage unsupportedDatabase(String product) {
        return AF2005.with(product);
    }

    public static AllFrameMessage schemaCreated(String product) {
        return AF2006.with(product);
    }

    public static AllFrameMessage snapshotNotRoundTripping(Class<?> stateType) {
        return AF2007.with(stateType.getName());
    }

    public static AllFrameMessage noEntityManagerFactory(String unit) {
        return AF2009.with(unit.isEmpty() ? "" : " for persistence unit '" + unit + "'");
    }

    public static AllFrameMessage noJtaServices(Throwable cause) {
        return AF2010.with(describe(cause));
    }

    public static AllFrameMessage headAheadOfEvents(long head, long newest) {
        return AF2011.with(head, newest);
    }

    public static AllFrameMessage notABoolean(String key, String value) {
        return AF2012.with(value, key);
    }

    public static AllFrameMessage noStoreTransaction() {
        return AF2013.with();
    }

    public static AllFrameMessage transactionFailed(Throwable cause) {
        return AF2014.with(describe(cause));
    }

    public static AllFrameMessage unreadableSagaValue(String sagaId, String what, String type, Throwable cause) {
        return AF2020.with(sagaId, what, type, describe(cause));
    }

    public static AllFrameMessage unwritableSagaValue(String sagaId, String what, Object value, Throwable cause) {
        return AF2021.with(what, sagaId, value.getClass().getName(), describe(cause));
    }

    public static AllFrameMessage unreadableSagaLeft(String saga, String sagaId, String state, String unreadable) {
        return AF2022.with(saga, sagaId, state, unreadable);
    }

    public static AllFrameMessage noJsonb(Throwable cause) {
        return AF2023.with(describe(cause));
    }

    public static AllFrameMessage sharedAppendFailed(Throwable cause) {
        return AF2024.with(describe(cause));
    }

    public static AllFrameMessage sharedAppendLost() {
        return AF2025.with();
    }

    public static AllFrameMessage refusedByDatabase(String streamId, String sqlState, String what) {
        return AF2035.with(streamId, sqlState, what);
    }

    public static AllFrameMessage unreadableAppend(String eventClass, String streamId, String type, int schemaVersion,
                                                   Throwable cause) {
        return AF2036.with(eventClass, streamId, type, schemaVersion, describe(cause));
    }

    public static AllFrameMessage tableAdded(String table, String database) {
        return AF2027.with(table, database);
    }

    public static AllFrameMessage columnAdded(String table, String column, String database) {
        return AF2059.with(column, table, database);
    }

    public static AllFrameMessage columnMissing(String table, String column, String statement) {
        return AF2060.with(table, column, statement);
    }

    public static AllFrameMessage tableMissing(String table, String statement) {
        return AF2061.with(table, statement);
    }

    public static AllFrameMessage appendDeadlocked(String streamId) {
        return AF2065.with(streamId);
    }

    public static AllFrameMessage notReadCommitted(String level) {
        return AF2066.with(level);
    }

    public static AllFrameMessage positionsExhausted() {
        return AF2062.with();
    }

    public static AllFrameMessage positionsMissing(String schema) {
        return AF2063.with(schema);
    }

    public static AllFrameMessage positionsAdded(String schema) {
        return AF2064.with(schema);
    }

    public static AllFrameMessage appendsNotTold(long position, Throwable cause) {
        return AF2067.with(position, describe(cause));
    }

    public static AllFrameMessage appendTriggerRemoved(String schema) {
        return AF2068.with(schema);
    }

    public static AllFrameMessage appendTriggerLeft(String schema) {
        return AF2069.with(schema);
    }

    public static AllFrameMessage notificationsAdded(String database) {
        return AF2056.with(database);
    }

    public static AllFrameMessage notificationsOff(String why) {
        return AF2057.with(why);
    }

    public static AllFrameMessage notificationNotTaken(String payload) {
        return AF2058.with(payload);
    }

    public static AllFrameMessage retentionIndexesAdded(Collection<String> indexes, String database) {
        return AF2045.with(String.join(", ", indexes), database);
    }

    public static AllFrameMessage eventNotReadBack(Class<?> type, String streamId, String difference) {
        return AF2031.with(type.getName(), streamId, difference);
    }

    public static AllFrameMessage unregisteredEventType(Class<?> type, String streamId, String typeName,
                                                       int schemaVersion) {
        return AF2030.with(type.getName(), streamId, typeName, schemaVersion);
    }

    public static AllFrameMessage missingLibrary(String library, String className, String artifact) {
        return AF2055.with(library, className, artifact);
    }
}
