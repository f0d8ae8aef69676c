package dev.allframe.jpa.javase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.testing.JavaSeProcess;
import dev.allframe.testing.JavaSeProcess.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java SE application on the JPA store whose class path lacks a Jakarta API the store needs is refused at
 * deployment, with the missing jar named; each case runs in a JVM of its own, on the tests' class path less the jar.
 */
class MissingJarsTest {

    private static final Map<String, String> JPA = Map.of("allframe.event-store", "jpa",
            "allframe.jpa.persistence-unit", "allframe-standalone", "allframe.jpa.create-schema", "true");

    @Test
    void theApplicationRunsWithEveryJar() throws Exception {
        Result result = JavaSeProcess.run(JavaSeStoreApplication.class, List.of(), JPA);

        assertThat(result.exitStatus()).as("%s", result).isZero();
        assertThat(result.output()).isEqualTo("stored the deposit at version 1\n");
    }

    @Test
    void withoutJakartaPersistenceTheDeploymentFails() throws Exception {
        Result result = JavaSeProcess.run(JavaSeStoreApplication.class, List.of("jakarta.persistence-api"), JPA);

        assertThat(result.exitStatus()).as("%s", result).isEqualTo(JavaSeProcess.REFUSED);
        assertThat(result.output()).as("%s", result).isEqualTo(oneProblem("AF2055: The JPA event store needs Jakarta"
                + " Persistence, but class jakarta.persistence.EntityManagerFactory cannot be loaded: add"
                + " jakarta.persistence:jakarta.persistence-api"));
    }

    @Test
    void withoutJakartaTransactionsTheDeploymentFails() throws Exception {
        Result result = JavaSeProcess.run(JavaSeStoreApplication.class, List.of("jakarta.transaction-api"), JPA);

        assertThat(result.exitStatus()).as("%s", result).isEqualTo(JavaSeProcess.REFUSED);
        assertThat(result.output()).as("%s", result).isEqualTo(oneProblem("AF2055: The JPA event store needs Jakarta"
                + " Transactions (Hibernate ORM uses them with resource-local units too), but class"
                + " jakarta.transaction.Synchronization cannot be loaded: add jakarta.transaction:jakarta.transaction-api"));
    }

    @Test
    void withoutHibernateOrmTheDeploymentFails() throws Exception {
        Result result = JavaSeProcess.run(JavaSeStoreApplication.class, List.of("hibernate-core"), JPA);

        assertThat(result.exitStatus()).as("%s", result).isEqualTo(JavaSeProcess.REFUSED);
        assertThat(result.output()).as("%s", result).isEqualTo(oneProblem("AF2055: The JPA event store needs Hibernate"
                + " ORM, but class org.hibernate.Version cannot be loaded: add org.hibernate.orm:hibernate-core"));
    }

    private static String oneProblem(String problem) {
        return "AF1000: AllFrame found 1 deployment problem:\n  " + problem + "\n";
    }
}
