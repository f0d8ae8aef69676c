package dev.allframe.jpa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * PostgreSQL tests run when the environment variable {@code ALLFRAME_TEST_POSTGRESQL_URL} names a database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; otherwise they are skipped, saying so.
 */
public final class PostgresCondition implements ExecutionCondition {

    /**
     * The PostgreSQL schema this test JVM owns: created at its first use and dropped when the JVM exits,
     * so that builds running at the same time on one database do not meet.
     */
    static final String SCHEMA = "allframe_test_" + ProcessHandle.current().pid();

    /** Marks a test class that needs PostgreSQL. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(PostgresCondition.class)
    public @interface RequiresPostgres {
    }

    /** The configured database, or {@code null}. */
    static String baseUrl() {
        String configured = System.getenv("ALLFRAME_TEST_POSTGRESQL_URL");
        return configured == null || configured.isBlank() ? null : configured;
    }

    /** The configured database with the tests' schema and batched inserts, or {@code null}. */
    static String url() {
        String base = baseUrl();
        return base == null ? null : base + (base.contains("?") ? "&" : "?") + "currentSchema="
                + SCHEMA + "&reWriteBatchedInserts=true";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return url() != null ? ConditionEvaluationResult.enabled("PostgreSQL at " + url())
                : ConditionEvaluationResult.disabled("PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL"
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them; .ci/run sets it");
    }
}
