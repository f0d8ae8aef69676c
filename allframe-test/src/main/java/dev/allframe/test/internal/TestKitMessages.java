package dev.allframe.test.internal;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;

/** The test kit's messages: failed expectations and set-up problems, AF3000-AF3099. */
public final class TestKitMessages {

    static final MessageTemplate AF3000 = new MessageTemplate("AF3000",
            "%s stored other events than expected:%n%s");
    static final MessageTemplate AF3001 = new MessageTemplate("AF3001",
            "%s was expected to %s, but %s");
    static final MessageTemplate AF3002 = new MessageTemplate("AF3002",
            "Projection '%s' failed at position %s (stream '%s', version %s, event type %s): %s");
    static final MessageTemplate AF3003 = new MessageTemplate("AF3003",
            "Projection '%s' reached position %s, short of %s, within %s (state %s)");
    static final MessageTemplate AF3004 = new MessageTemplate("AF3004",
            "The saga '%s' ran other steps than expected:%n%s");
    static final MessageTemplate AF3005 = new MessageTemplate("AF3005",
            "%s is no state the test kit can fold: %s");
    static final MessageTemplate AF3006 = new MessageTemplate("AF3006",
            "@WithConfig value '%s' on %s is not of the form key=value");
    static final MessageTemplate AF3007 = new MessageTemplate("AF3007",
            "TestStore.POSTGRESQL needs a JDBC URL of a PostgreSQL database in the environment variable or system "
                    + "property ALLFRAME_TEST_POSTGRESQL_URL (test class %s)");
    static final MessageTemplate AF3008 = new MessageTemplate("AF3008",
            "TestStore.%s needs allframe-jpa-store%s on the test class path (test class %s): %s");
    static final MessageTemplate AF3009 = new MessageTemplate("AF3009",
            "The test kit could not %s the test's database %s: %s");
    static final MessageTemplate AF3010 = new MessageTemplate("AF3010",
            "advanceTime needs manual time: annotate the test class @AllFrameTest(manualTime = true)");
    static final MessageTemplate AF3011 = new MessageTemplate("AF3011",
            "Saga %s has not ended within %s; a saga waiting for the test's manual time needs advanceTime");
    static final MessageTemplate AF3012 = new MessageTemplate("AF3012",
            "Saga %s ended without an outcome: %s");
    static final MessageTemplate AF3013 = new MessageTemplate("AF3013",
            "No step of the saga '%s' with input %s hung within ten seconds");
    static final MessageTemplate AF3014 = new MessageTemplate("AF3014",
            "givenStored(%s version %s) needs a store that keeps JSON: @AllFrameTest(store = TestStore.H2) or"
                    + " TestStore.POSTGRESQL; in memory, give an object of the old class");
    static final MessageTemplate AF3015 = new MessageTemplate("AF3015",
            "%s dispatched other commands than expected:%n%s");
    static final MessageTemplate AF3016 = new MessageTemplate("AF3016",
            "The test class path has %s, but the test kit cannot start it: %s");

    private TestKitMessages() {
    }

    /** @param subject "The command ..." or "The saga ..." */
    public static AllFrameMessage otherEvents(String subject, String table) {
        return AF3000.with(subject, table);
    }

    /** @param subject "The command ..." or "The saga ..."; {@code expected} and {@code actual} say what happened */
    public static AllFrameMessage otherOutcome(String subject, String expected, String actual) {
        return AF3001.with(subject, expected, actual);
    }

    public static AllFrameMessage projectionFailed(String name, long position, String streamId, long version,
                                                   String typeName, String message) {
        return AF3002.with(name, position, streamId, version, typeName, message);
    }

    public static AllFrameMessage projectionBehind(String name, long position, long head, String timeout,
                                                   String state) {
        return AF3003.with(name, position, head, timeout, state);
    }

    public static AllFrameMessage otherSteps(String saga, String table) {
        return AF3004.with(saga, table);
    }

    public static AllFrameMessage notAState(Class<?> type, String problems) {
        return AF3005.with(type.getName(), problems);
    }

    public static AllFrameMessage badConfigValue(String value, String site) {
        return AF3006.with(value, site);
    }

    public static AllFrameMessage noPostgresUrl(Class<?> testClass) {
        return AF3007.with(testClass.getName());
    }

    public static AllFrameMessage noJpaStore(String store, String driver, Class<?> testClass, String missing) {
        return AF3008.with(store, driver, testClass.getName(), missing);
    }

    public static AllFrameMessage databaseFailed(String action, String where, String reason) {
        return AF3009.with(action, where, reason);
    }

    public static AllFrameMessage notManualTime() {
        return AF3010.with();
    }

    public static AllFrameMessage sagaNotEnded(String sagaId, String within) {
        return AF3011.with(sagaId, within);
    }

    public static AllFrameMessage sagaFailed(String sagaId, String failure) {
        return AF3012.with(sagaId, failure);
    }

    public static AllFrameMessage noHangingStep(String saga, String input) {
        return AF3013.with(saga, input);
    }

    public static AllFrameMessage storedNeedsJson(String typeName, int schemaVersion) {
        return AF3014.with(typeName, schemaVersion);
    }

    public static AllFrameMessage otherCommands(String subject, String table) {
        return AF3015.with(subject, table);
    }

    public static AllFrameMessage extensionUnusable(String extension, String reason) {
        return AF3016.with(extension, reason);
    }
}
