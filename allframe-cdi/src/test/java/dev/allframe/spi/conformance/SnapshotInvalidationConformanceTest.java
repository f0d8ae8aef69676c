package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.core.dispatch.MessageValidator;
import dev.allframe.core.handler.EarlierDeployments;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.version.Upcasting;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.core.version.VersionGraphBuilder;
import dev.allframe.command.CommandHandler;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.conformance.wallet.MoneyAdded;
import dev.allframe.spi.conformance.wallet.MoneyAddedInCents;
import dev.allframe.spi.conformance.wallet.MoneyTaken;
import dev.allframe.spi.conformance.wallet.WalletCommands;
import dev.allframe.spi.conformance.wallet.WalletCommands.AddCents;
import dev.allframe.spi.conformance.wallet.WalletCommands.AddMoney;
import dev.allframe.spi.conformance.wallet.WalletCommands.OpenWallet;
import dev.allframe.spi.conformance.wallet.WalletCommands.TakeMoney;
import dev.allframe.spi.conformance.wallet.WalletOpened;
import dev.allframe.spi.event.EventDecoder;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots seen across a redeployment, through AllFrame's command bus on the store's events and snapshots: a
 * snapshot is used only by a deployment that folds the stream as the one that wrote it did, and it holds what a
 * fold of the stored events gives, also when a handler appended an event of an older version. A deployment is a
 * command bus over the same store; an earlier one has the state class as it was
 * ({@link EarlierDeployments}). Snapshots are taken every three events.
 *
 * <p>A store runs it by extending this class and returning, from {@link #createStore}, a new store holding no
 * events or snapshots that keeps snapshots and reads events through the decoder given.
 */
public abstract class SnapshotInvalidationConformanceTest {

    private final WalletCommands handlers = new WalletCommands();
    private EventTypeRegistry eventTypes;
    private VersionGraph versions;
    private StoreCapabilities store;

    /** A new, empty store that keeps snapshots and reads events with {@code events}. */
    protected abstract StoreCapabilities createStore(EventDecoder events);

    @BeforeEach
    final void openStore() {
        eventTypes = EventTypeRegistry.of(List.of(WalletOpened.class, MoneyAdded.class, MoneyTaken.class));
        Problems problems = new Problems();
        versions = VersionGraphBuilder.build(eventTypes, List.of(), problems);
        assertThat(problems.messages()).isEmpty();
        store = requireNonNull(createStore(new Upcasting(eventTypes, versions, type -> null)), "createStore");
        assertThat(store.snapshots()).as("the store's snapshots").isPresent();
    }

    @Test
    void aSnapshotWrittenWhileTheStateHadNoApplyMethodForAnEventIsNotUsedOnceItHasOne() {
        CommandDispatcher earlier = deployment(EarlierDeployments.withoutApply(catalog(), MoneyTaken.class));
        earlier.dispatch(new OpenWallet("w"));
        earlier.dispatch(new AddMoney("w", new BigDecimal("101")));
        earlier.dispatch(new TakeMoney("w", new BigDecimal("90")));

        CommandDispatcher current = deployment(catalog());

        assertThatThrownBy(() -> current.dispatch(new TakeMoney("w", new BigDecimal("100"))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: insufficient funds: 11");
        assertThat(store.events().streamVersion("w")).isEqualTo(3);
        assertThat(current.dispatch(new TakeMoney("w", new BigDecimal("11"))).streamVersion()).isEqualTo(4);
    }

    @Test
    void aSnapshotWrittenBeforeAnApplyMethodsBodyChangedIsNotUsedOnceTheStateVersionIsRaised() {
        CommandDispatcher earlier = deployment(EarlierDeployments.withApplyDoingNothing(catalog(), MoneyTaken.class,
                1));
        earlier.dispatch(new OpenWallet("w"));
        earlier.dispatch(new AddMoney("w", new BigDecimal("101")));
        earlier.dispatch(new TakeMoney("w", new BigDecimal("90")));

        CommandDispatcher current = deployment(catalog());

        assertThatThrownBy(() -> current.dispatch(new TakeMoney("w", new BigDecimal("100"))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: insufficient funds: 11");
    }

    /** What a body does is not seen: this is what {@code @StateVersion} is for. */
    @Test
    void aSnapshotWrittenBeforeAnApplyMethodsBodyChangedIsUsedWhileTheStateVersionIsTheSame() {
        CommandDispatcher earlier = deployment(EarlierDeployments.withApplyDoingNothing(catalog(), MoneyTaken.class,
                2));
        earlier.dispatch(new OpenWallet("w"));
        earlier.dispatch(new AddMoney("w", new BigDecimal("101")));
        earlier.dispatch(new TakeMoney("w", new BigDecimal("90")));

        CommandDispatcher current = deployment(catalog());

        assertThat(current.dispatch(new TakeMoney("w", new BigDecimal("100"))).streamVersion()).isEqualTo(4);
    }

    @Test
    void aSnapshotHoldsWhatAFoldOfTheStoredEventsGivesWhenAHandlerAppendedAnOlderVersion() {
        CommandDispatcher bus = deployment(catalog());
        bus.dispatch(new OpenWallet("w"));
        bus.dispatch(new AddCents("w", 5000));
        bus.dispatch(new AddCents("w", 5000));

        assertThatThrownBy(() -> bus.dispatch(new TakeMoney("w", new BigDecimal("101"))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: insufficient funds: 100.00");
        assertThat(bus.dispatch(new TakeMoney("w", new BigDecimal("100"))).streamVersion()).isEqualTo(4);
    }

    @Test
    void listenersInsideTheAppendAndTheCommandResultSeeTheNewestVersionAsAReadDoes() {
        List<Object> heard = new ArrayList<>();
        store.inlineListeners().orElseThrow().subscribeInline(appended ->
                appended.events().forEach(envelope -> heard.add(envelope.event())));
        CommandDispatcher bus = deployment(catalog());
        bus.dispatch(new OpenWallet("w"));

        CommandResult result = bus.dispatch(new AddCents("w", 250));

        MoneyAdded newest = new MoneyAdded("w", new BigDecimal("2.50"));
        assertThat(result.events()).extracting(EventEnvelope::event).containsExactly(newest);
        assertThat(heard).containsExactly(new WalletOpened("w"), newest);
        assertThat(store.events().readStream("w", 2, 1)).singleElement().satisfies(read -> {
            assertThat(read.event()).isEqualTo(newest);
            assertThat(read.typeName()).isEqualTo("MoneyAdded");
            assertThat(read.schemaVersion()).isEqualTo(1);
        });
        assertThat(result.events().get(0).schemaVersion()).isEqualTo(1);
        assertThat(MoneyAddedInCents.class).isNotEqualTo(newest.getClass());
    }

    private CommandDispatcher deployment(HandlerCatalog catalog) {
        return new CommandDispatcher(catalog, type -> handlers, store, MessageValidator.NONE,
                new AllFrameConfig("memory", 3, 3, AllFrameConfig.defaults().projections(), 0), Runnable::run, eventTypes,
                StateFingerprints.of(catalog, eventTypes.classes(), versions));
    }

    private static HandlerCatalog catalog() {
        List<HandlerMethod> methods = new ArrayList<>();
        for (Method method : WalletCommands.class.getDeclaredMethods()) {
            CommandHandler handler = method.getAnnotation(CommandHandler.class);
            if (handler != null) {
                methods.add(new HandlerMethod(WalletCommands.class, method, HandlerKind.COMMAND,
                        handler.createsStream()));
            }
        }
        Problems problems = new Problems();
        HandlerCatalog catalog = HandlerCatalog.build(methods, problems);
        assertThat(problems.messages()).isEmpty();
        return catalog;
    }
}
