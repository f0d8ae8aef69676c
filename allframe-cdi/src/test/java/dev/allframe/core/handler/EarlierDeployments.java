package dev.allframe.core.handler;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import dev.allframe.core.Sites;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handler catalogs as an earlier deployment of the same application had them, for tests of what a redeployment
 * finds in a store: the state classes are the same, but their models are those of an older version of the class,
 * which lacked an {@code @Apply} method or whose method did something else.
 */
public final class EarlierDeployments {

    private static final MethodType APPLIER = MethodType.methodType(Object.class, Object.class, Object.class);
    private static final MethodType SUPPLIER = MethodType.methodType(Object.class);

    private EarlierDeployments() {
    }

    /**
     * {@code catalog} as deployed when the state classes had no {@code @Apply} method for {@code eventType}, their
     * {@code @StateVersion} being the same.
     */
    public static HandlerCatalog withoutApply(HandlerCatalog catalog, Class<?> eventType) {
        return withStates(catalog, eventType, null, 0);
    }

    /**
     * {@code catalog} as deployed when the state classes' {@code @Apply} method for {@code eventType} had the same
     * signature but a body that left the state as it was, and their {@code @StateVersion} was {@code stateVersion}.
     */
    public static HandlerCatalog withApplyDoingNothing(HandlerCatalog catalog, Class<?> eventType, int stateVersion) {
        MethodHandle unchanged = MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object.class);
        return withStates(catalog, eventType, unchanged, stateVersion);
    }

    /**
     * The models of {@code catalog}'s state classes with the applier of {@code eventType} dropped or replaced, and
     * their state version {@code stateVersion} (0: as it is).
     */
    private static HandlerCatalog withStates(HandlerCatalog catalog, Class<?> eventType, MethodHandle replacement,
                                             int stateVersion) {
        Map<Class<?>, CommandHandlerModel> commands = new LinkedHashMap<>();
        catalog.commands().forEach((type, model) -> commands.put(type, new CommandHandlerModel(model.beanClass(),
                model.method(), model.commandType(), model.streamId(),
                model.state().map(state -> earlier(state, eventType, replacement, stateVersion)), model.returns(),
                model.createsStream())));
        return new HandlerCatalog(commands, catalog.queries());
    }

    private static StateModel earlier(StateModel current, Class<?> eventType, MethodHandle replacement,
                                      int stateVersion) {
        Class<?> type = current.type();
        String initialSite = type.getName() + "()";
        MethodHandle initial = null;
        List<StateModel.Applier> appliers = new ArrayList<>();
        for (Method method : Reflection.declaredMethods(type)) {
            if (method.isAnnotationPresent(InitialState.class)) {
                initialSite = Sites.of(method);
                initial = Reflection.handle(method).asType(SUPPLIER);
            }
            if (method.isAnnotationPresent(Apply.class)) {
                Class<?> applied = method.getParameterTypes()[0];
                MethodHandle handle = Reflection.handle(method).asType(APPLIER);
                if (applied == eventType) {
                    if (replacement == null) {
                        continue;
                    }
                    handle = replacement;
                }
                appliers.add(new StateModel.Applier(applied, Sites.of(method), handle,
                        replacement != null && applied == eventType || method.getReturnType() != void.class));
            }
        }
        if (initial == null) {
            initial = Optional.ofNullable(noArgConstructor(type)).orElseThrow();
        }
        return new StateModel(type, stateVersion == 0 ? current.stateVersion() : stateVersion, initialSite, initial,
                appliers);
    }

    private static MethodHandle noArgConstructor(Class<?> type) {
        try {
            return Reflection.handle(type.getDeclaredConstructor()).asType(SUPPLIER);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
