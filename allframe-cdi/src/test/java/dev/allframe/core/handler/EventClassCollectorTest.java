package dev.allframe.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.bank.AccountOpened;
import dev.allframe.bank.MoneyDeposited;
import dev.allframe.bank.MoneyWithdrawn;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.StreamId;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.event.EventType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventClassCollectorTest {

    record Go(@StreamId String id) {
    }

    record Went(String id) {
    }

    @EventType(name = "EventClassCollectorTest.Went")
    record Imposter(String id) {
    }

    static class Handlers {
        @CommandHandler
        Went go(Go go) {
            return new Went(go.id());
        }
    }

    @Test
    void handlerReturnTypesAndAppliedTypesAreCollectedWithSealedTypesExpanded() {
        Problems problems = new Problems();
        HandlerCatalog bank = HandlerCatalog.build(List.of(
                method(dev.allframe.bank.AccountCommands.class, "open"),
                method(dev.allframe.bank.AccountCommands.class, "deposit"),
                method(dev.allframe.bank.AccountCommands.class, "withdraw"),
                method(Handlers.class, "go")), problems);

        Set<Class<?>> collected = EventClassCollector.collect(bank);

        assertThat(problems.messages()).isEmpty();
        assertThat(collected).containsExactlyInAnyOrder(AccountOpened.class, MoneyDeposited.class,
                MoneyWithdrawn.class, Went.class);
    }

    @Test
    void theRegistryResolvesNamesAndRefusesTwoClassesForOneName() {
        EventTypeRegistry registry = EventTypeRegistry.of(List.of(Went.class, AccountOpened.class));

        assertThat(registry.resolve("EventClassCollectorTest.Went", 1)).contains(Went.class);
        assertThat(registry.resolve("EventClassCollectorTest.Went", 2)).isEmpty();
        assertThat(registry.resolve("AccountOpened", 1)).contains(AccountOpened.class);
        assertThat(registry.typeOf(new Went("w"), "w").name()).isEqualTo("EventClassCollectorTest.Went");
        assertThatThrownBy(() -> registry.register(Imposter.class))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF1024: Event classes dev.allframe.core.handler.EventClassCollectorTest$Imposter and"
                        + " dev.allframe.core.handler.EventClassCollectorTest$Went are both stored as"
                        + " 'EventClassCollectorTest.Went'"
                        + " version 1; give one of them another @EventType name");
    }

    @Test
    void theRegistryRefusesAClassItWasNotGivenAndDoesNotLearnIt() {
        EventTypeRegistry registry = EventTypeRegistry.of(List.of(AccountOpened.class));

        assertThatThrownBy(() -> registry.typeOf(new MoneyDeposited("acc-1", BigDecimal.TEN), "acc-1"))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF1184: Event class dev.allframe.bank.MoneyDeposited is not one of the application's event"
                        + " classes, so it is not appended to stream 'acc-1': they are found at deployment in what"
                        + " command handlers return, states apply, projections handle and upcasters take or make,"
                        + " sealed types with the classes they permit; nothing of the append was stored");
        assertThat(registry.resolve("MoneyDeposited", 1)).isEmpty();
    }

    sealed static class Fee permits LateFee {
    }

    static final class LateFee extends Fee {
    }

    record Charge(@StreamId String id) {
    }

    static class FeeHandlers {
        @CommandHandler
        Fee charge(Charge charge) {
            return new Fee();
        }
    }

    @Test
    void aSealedClassThatIsNotAbstractIsAnEventClassBesideThoseItPermits() {
        Problems problems = new Problems();
        HandlerCatalog catalog = HandlerCatalog.build(List.of(method(FeeHandlers.class, "charge")), problems);

        assertThat(problems.messages()).isEmpty();
        assertThat(EventClassCollector.collect(catalog)).containsExactlyInAnyOrder(Fee.class, LateFee.class);
    }

    private static HandlerMethod method(Class<?> type, String name) {
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new HandlerMethod(type, method, HandlerKind.COMMAND,
                        method.getAnnotation(CommandHandler.class).createsStream());
            }
        }
        throw new IllegalArgumentException(name);
    }
}
