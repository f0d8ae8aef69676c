package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.library.Desk;
import com.example.library.LibraryCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library on the JPA store, on Quarkus's Hibernate ORM and its JTA transactions: the application's data source, H2
 * in memory.
 */
@QuarkusTest
@TestProfile(JpaStoreTest.OnJpa.class)
class JpaStoreTest extends LibraryContract {

    public static class OnJpa implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("allframe.event-store", "jpa", "allframe.jpa.create-schema", "true");
        }
    }

    @Inject
    Desk desk;

    @Inject
    EntityManager entityManager;

    @Test
    void theEventsAreRowsOfTheApplicationsDatabase() {
        String isbn = isbn();
        commands.dispatch(new LibraryCommand.Register(isbn, "Persuasion"));
        commands.dispatch(new LibraryCommand.Lend(isbn, "gina"));

        assertThat(rows(isbn)).isEqualTo(2L);
    }

    @Test
    void aDispatchJoinsTheCallersTransactionAndRollsBackWithIt() {
        String isbn = isbn();
        commands.dispatch(new LibraryCommand.Register(isbn, "Beloved"));

        assertThatThrownBy(() -> desk.lendThen(new LibraryCommand.Lend(isbn, "hal"), () -> {
            throw new IllegalStateException("the rest of the work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows(isbn)).isEqualTo(1L);
        desk.lendThen(new LibraryCommand.Lend(isbn, "ivy"), () -> { });
        assertThat(rows(isbn)).isEqualTo(2L);
    }

    private long rows(String isbn) {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM allframe_events WHERE stream_id = ?1")
                .setParameter(1, isbn).getSingleResult()).longValue();
    }
}
