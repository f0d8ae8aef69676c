package dev.allframe.cdi.features.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.AllFrameException;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.AccountOpened;
import dev.allframe.bank.MoneyDeposited;
import dev.allframe.bank.OpenAccount;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.command.CommandBus;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.event.EventSerializer;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class EventStoreProviderTest {

    /** A serializer that "reads" any JSON as the name of the class asked for. */
    private static final EventSerializer READ_AS_CLASS_NAME = new EventSerializer() {
        @Override
        public String toJson(Object value) {
            return "{}";
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromJson(String json, Class<T> type) {
            return (T) type.getName();
        }
    };

    @Test
    void theConfiguredProviderMakesTheStoreWithTheApplicationsEventClasses() throws Exception {
        RecordingStoreProvider.CREATED_WITH.clear();

        long version = TestConfig.with(Map.of("allframe.event-store", "recording"), () -> {
            try (WeldContainer container = Deployments.weld(AccountCommands.class).initialize()) {
                return container.select(CommandBus.class).get().dispatch(new OpenAccount("A", "Ada")).streamVersion();
            }
        });

        assertThat(version).isEqualTo(1);
        assertThat(RecordingStoreProvider.CREATED_WITH).hasSize(1);
        EventStoreContext context = RecordingStoreProvider.CREATED_WITH.get(0);
        assertThat(context.events().decode("AccountOpened", 1, "{...}", READ_AS_CLASS_NAME))
                .contains(AccountOpened.class.getName());
        assertThat(context.events().decode("MoneyDeposited", 1, "{...}", READ_AS_CLASS_NAME))
                .contains(MoneyDeposited.class.getName());
        assertThat(context.events().decode("Unknown", 1, "{...}", READ_AS_CLASS_NAME)).isEmpty();
        assertThat(context.config("allframe.event-store")).contains("recording");
    }

    @Test
    void theProvidersConfigurationProblemsFailTheDeployment() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of("allframe.event-store", "recording",
                "allframe.recording.unit", "broken"), () -> Deployments.failure(AccountCommands.class));

        assertThat(failure.problems()).map(String::valueOf).containsExactly("AF9001: the recording store cannot use unit broken");
    }

    @Test
    void aStoreThatCannotLoadAClassFailsTheDeploymentNamingIt() throws Exception {
        Throwable thrown = TestConfig.with(Map.of("allframe.event-store", "recording",
                "allframe.recording.unit", "unloadable"), () -> catchThrowable(() -> {
                    try (WeldContainer container = Deployments.weld(AccountCommands.class).initialize()) {
                        container.select(CommandBus.class).get();
                    }
                }));

        assertThat(allFrameException(thrown)).hasMessage("AF1080: Cannot create the 'recording' event store: class"
                + " jakarta.persistence.EntityManagerFactory cannot be loaded (add"
                + " jakarta.persistence:jakarta.persistence-api)");
    }

    private static AllFrameException allFrameException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AllFrameException found) {
                return found;
            }
        }
        throw new AssertionError("no AllFrameException among the causes", thrown);
    }
}
