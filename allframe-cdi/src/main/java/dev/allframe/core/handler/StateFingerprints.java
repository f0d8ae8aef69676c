package dev.allframe.core.handler;

import dev.allframe.event.VersionRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of every state type of an application's command handlers ({@link StateFingerprint}), computed
 * once at deployment from the event classes and upcasters known then, so that the same application deployed again
 * computes the same fingerprints.
 */
public final class StateFingerprints {

    private final Map<Class<?>, String> byStateType;

    private StateFingerprints(Map<Class<?>, String> byStateType) {
        this.byStateType = Map.copyOf(byStateType);
    }

    /**
     * @param eventClasses the application's event classes, of every version, as registered at deployment
     */
    public static StateFingerprints of(HandlerCatalog catalog, Collection<Class<?>> eventClasses,
                                       VersionRegistry versions) {
        List<Class<?>> classes = List.copyOf(eventClasses);
        Map<Class<?>, String> fingerprints = new HashMap<>();
        catalog.commands().values().forEach(handler -> handler.state().ifPresent(state ->
                fingerprints.computeIfAbsent(state.type(), type -> StateFingerprint.of(state, classes, versions))));
        return new StateFingerprints(fingerprints);
    }

    /**
     * The fingerprint of {@code model}'s fold.
     *
     * @throws IllegalArgumentException the model's state type is not one of the catalog's
     */
    public String of(StateModel model) {
        String fingerprint = byStateType.get(model.type());
        if (fingerprint == null) {
            throw new IllegalArgumentException("No fingerprint for state type " + model.type().getName());
        }
        return fingerprint;
    }
}
