package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.testing.LogCapture;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCreatedLogTest {

    @Test
    void creatingTheTablesIsLoggedOnceWithTheDatabase() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:schema-log-test;DB_CLOSE_DELAY=-1"));
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);

            JpaSchema.createIfMissing(transactions);
            JpaSchema.createIfMissing(transactions);

            assertThat(log.lines()).containsExactly("INFO AF2006: Created AllFrame's tables for H2");
        } finally {
            factory.close();
        }
    }
}
