package dev.allframe.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.AccountOpened;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.core.version.VersionGraphBuilder;
import dev.allframe.spi.conformance.wallet.MoneyAdded;
import dev.allframe.spi.conformance.wallet.MoneyAddedInCents;
import dev.allframe.spi.conformance.wallet.MoneyTaken;
import dev.allframe.spi.conformance.wallet.Wallet;
import dev.allframe.spi.conformance.wallet.WalletOpened;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A state's fingerprint changes with everything that shapes its fold and that can be seen without running code, and
 * with nothing else.
 */
class StateFingerprintTest {

    private final List<Class<?>> events = List.of(WalletOpened.class, MoneyAdded.class, MoneyAddedInCents.class,
            MoneyTaken.class);
    private final VersionGraph upcasters = upcasters(events);
    private final StateModel wallet = model();

    @Test
    void isTheSameForTheSameFoldAndNamesTheStateType() {
        String fingerprint = StateFingerprint.of(wallet, events, upcasters);

        assertThat(StateFingerprint.of(model(), List.of(MoneyTaken.class, MoneyAddedInCents.class, MoneyAdded.class, WalletOpened.class), upcasters(events)))
                .isEqualTo(fingerprint);
        assertThat(fingerprint).matches("Wallet:[0-9a-f]{16}");
    }

    @Test
    void changesWithTheApplyMethods() {
        StateModel earlier = only(EarlierDeployments.withoutApply(catalog(), MoneyTaken.class));

        assertThat(StateFingerprint.of(earlier, events, upcasters))
                .isNotEqualTo(StateFingerprint.of(wallet, events, upcasters));
    }

    @Test
    void changesWithTheStateVersionAndNotWithWhatABodyDoes() {
        StateModel bodyChanged = only(EarlierDeployments.withApplyDoingNothing(catalog(), MoneyTaken.class, 2));
        StateModel versionRaised = only(EarlierDeployments.withApplyDoingNothing(catalog(), MoneyTaken.class, 1));

        assertThat(StateFingerprint.of(bodyChanged, events, upcasters))
                .isEqualTo(StateFingerprint.of(wallet, events, upcasters));
        assertThat(StateFingerprint.of(versionRaised, events, upcasters))
                .isNotEqualTo(StateFingerprint.of(wallet, events, upcasters));
    }

    @Test
    void changesWithTheUpcastersAndOlderVersionsOfTheEventsItFolds() {
        List<Class<?>> withoutOlder = List.of(WalletOpened.class, MoneyAdded.class, MoneyTaken.class);

        assertThat(StateFingerprint.of(wallet, events, VersionGraph.empty()))
                .isNotEqualTo(StateFingerprint.of(wallet, events, upcasters));
        assertThat(StateFingerprint.of(wallet, withoutOlder, upcasters))
                .isNotEqualTo(StateFingerprint.of(wallet, events, upcasters));
    }

    @Test
    void staysTheSameWhenEventsItDoesNotFoldChange() {
        List<Class<?>> more = List.of(WalletOpened.class, MoneyAdded.class, MoneyAddedInCents.class, MoneyTaken.class,
                AccountOpened.class);

        assertThat(StateFingerprint.of(wallet, more, upcasters(more)))
                .isEqualTo(StateFingerprint.of(wallet, events, upcasters));
    }

    private static StateModel model() {
        Problems problems = new Problems();
        StateModel model = StateModelInspector.inspect(Wallet.class, "test", problems).orElseThrow();
        assertThat(problems.messages()).isEmpty();
        return model;
    }

    /** A catalog of one handler whose state is the wallet. */
    private static HandlerCatalog catalog() {
        CommandHandlerModel handler = new CommandHandlerModel(Object.class, Object.class.getMethods()[0],
                Object.class, Optional.empty(), Optional.of(model()), null, false);
        return new HandlerCatalog(Map.of(Object.class, handler), Map.of());
    }

    private static StateModel only(HandlerCatalog catalog) {
        return catalog.commands().values().iterator().next().state().orElseThrow();
    }

    private static VersionGraph upcasters(List<Class<?>> classes) {
        Problems problems = new Problems();
        VersionGraph graph = VersionGraphBuilder.build(EventTypeRegistry.of(classes), List.of(), problems);
        assertThat(problems.messages()).isEmpty();
        return graph;
    }
}
