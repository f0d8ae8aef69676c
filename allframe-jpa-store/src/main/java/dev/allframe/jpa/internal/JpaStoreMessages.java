package dev.allframe.jpa.internal;

/**
 * Every user-facing message of the allframe-jpa-store module, each with a stable id in AF2000-AF2099.
 */
public final class JpaStoreMessages {

    private JpaStoreMessages() {
    }

    public static String unknownEventType(long position, String streamId, long version, String type, int schemaVersion) {
        return "AF2001: Event at position " + position + " (stream '" + streamId + "', version " + version
                + ") is stored as type '" + type + "' version " + schemaVersion
                + ", which neither an event class nor an upcaster path is registered for; the stored row is unchanged";
    }

    public static String unreadableEvent(long position, String streamId, long version, String type, int schemaVersion,
                                         Throwable cause) {
        return "AF2002: Event at position " + position + " (stream '" + streamId + "', version " + version
                + ", type '" + type + "' version " + schemaVersion + ") cannot be read: " + describe(cause)
                + "; the stored row is unchanged";
    }

    public static String headRowMissing() {
        return "AF2003: Table allframe_head has no row: create the schema with the script for your database"
                + " (META-INF/allframe/sql/<database>.sql in allframe-jpa-store) or set allframe.jpa.create-schema=true";
    }

    public static String unwritableEvent(String type, String streamId, Throwable cause) {
        return "AF2004: Event " + type + " for stream '" + streamId + "' cannot be written as JSON: " + describe(cause);
    }

    public static String unsupportedDatabase(String product) {
        return "AF2005: allframe.jpa.create-schema has no schema script for " + product
                + "; scripts exist for PostgreSQL, H2 and Apache Derby";
    }

    public static String schemaCreated(String product) {
        return "AF2006: Created AllFrame's tables for " + product;
    }

    public static String snapshotNotRoundTripping(Class<?> stateType) {
        return "AF2007: State type " + stateType.getName() + " does not read back equal to itself from JSON,"
                + " so it is not snapshotted; make it a record (or give it equals) with JSON-B-readable properties";
    }

    public static String noEntityManagerFactory(String unit) {
        return "AF2009: The JPA event store found no EntityManagerFactory"
                + (unit.isEmpty() ? "" : " for persistence unit '" + unit + "'")
                + ": add <mapping-file>META-INF/allframe-orm.xml</mapping-file> to your persistence unit and"
                + " produce its EntityManagerFactory as a CDI bean (@Produces @PersistenceUnit), or name a"
                + " resource-local unit with allframe.jpa.persistence-unit";
    }

    public static String headAheadOfEvents(long head, long newest) {
        return "AF2011: allframe_head is at position " + head + ", but the newest event is at position " + newest
                + ": events were removed outside the event store, or the database hides committed rows";
    }

    public static String noJtaServices(Throwable cause) {
        return "AF2010: The persistence unit uses JTA, but the server offers no java:comp/UserTransaction and"
                + " java:comp/TransactionSynchronizationRegistry: " + describe(cause);
    }

    public static String notABoolean(String key, String value) {
        return "AF2012: Configuration value '" + value + "' of " + key + " is invalid: expected true or false";
    }

    public static String noStoreTransaction() {
        return "AF2013: No event store transaction runs on this thread: StoreTransaction.entityManager() is for"
                + " projection handlers called by the JPA event store";
    }

    public static String transactionFailed(Throwable cause) {
        return "AF2014: The event store's own JTA transaction failed and was rolled back: " + describe(cause);
    }

    public static String unreadableSagaValue(String sagaId, String what, String type, Throwable cause) {
        return "AF2020: Saga " + sagaId + " stores its " + what + " as " + type + ", which cannot be read: "
                + describe(cause) + "; the stored row is unchanged";
    }

    public static String unwritableSagaValue(String sagaId, String what, Object value, Throwable cause) {
        return "AF2021: The " + what + " of saga " + sagaId + " (a " + value.getClass().getName()
                + ") cannot be written as JSON: " + describe(cause);
    }

    public static String unreadableSagaLeft(String saga, String sagaId, String state, String unreadable) {
        return "AF2022: Saga '" + saga + "' (" + sagaId + ") is left " + state + " and not recovered until its"
                + " stored values read again; the other unfinished sagas are recovered. " + unreadable;
    }

    public static String noJsonb(Throwable cause) {
        return "AF2023: The JPA event store keeps events as JSON through Jakarta JSON Binding and finds no"
                + " implementation of it: " + describe(cause) + "; on Open Liberty enable the jsonb-3.0 feature,"
                + " in Java SE add one such as Yasson";
    }

    public static String sharedAppendFailed(Throwable cause) {
        return "AF2024: The append did not finish: the thread writing it together with other appends failed with "
                + describe(cause) + "; whether it was stored is unknown until the stream is read";
    }

    public static String sharedAppendLost() {
        return "AF2024: The append did not finish: the thread that took it to write it together with other appends"
                + " stopped before it was written; whether it was stored is unknown until the stream is read";
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }
}
