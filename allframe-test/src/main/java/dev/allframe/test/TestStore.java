package dev.allframe.test;

/** The event store an {@link AllFrameTest} runs on; each test starts with an empty one. */
public enum TestStore {

    /** AllFrame's in-memory store: the fastest, and what most tests need. */
    MEMORY,

    /**
     * The JPA store on an H2 database in memory, one per test, with AllFrame's tables created: the events go through
     * JSON and back, as in production. Needs {@code allframe-jpa-store} on the test class path.
     */
    H2,

    /**
     * The JPA store on the PostgreSQL database of the JDBC URL in the environment variable or system property
     * {@code ALLFRAME_TEST_POSTGRESQL_URL}, in a schema of its own per test, dropped after it. Needs
     * {@code allframe-jpa-store} and the PostgreSQL driver on the test class path.
     */
    POSTGRESQL
}
