package dev.allframe.core.handler;

import dev.allframe.core.EventTypes;
import dev.allframe.event.VersionRegistry;
import dev.allframe.event.VersionRegistry.UpcasterInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A short digest of everything that shapes how a state is folded, as far as it can be seen without running code:
 * <ul>
 * <li>the state class: its name, its shape (record components, or instance fields, with their generic types) and
 * its {@link dev.allframe.command.StateVersion};</li>
 * <li>how it starts: the {@code @InitialState} method or the constructor;</li>
 * <li>its {@code @Apply} methods: the method, the event type it takes and whether it returns the next state;</li>
 * <li>every event class it folds (each class assignable to an {@code @Apply} method's event type, and the older
 * versions of their type names): its stored type name and version and its shape;</li>
 * <li>the upcasters of those type names, from which version to which, of which kind, at which site.</li>
 * </ul>
 * A snapshot carries the fingerprint of the deployment that wrote it and is used only while the fingerprint is the
 * same, so that a snapshot is never read by a fold that would not have written it. What a method's body does is not
 * seen; {@code @StateVersion} is there for that.
 */
final class StateFingerprint {

    private static final int NAME_LENGTH = 100;

    private StateFingerprint() {
    }

    static String of(StateModel model, Collection<Class<?>> eventClasses, VersionRegistry versions) {
        Class<?> type = model.type();
        StringBuilder fold = new StringBuilder(type.getName()).append(" version ").append(model.stateVersion());
        shape(type, fold);
        fold.append("\ninitial ").append(model.initialSite());
        model.appliers().stream().sorted(Comparator.comparing(StateModel.Applier::site)).forEach(applier ->
                fold.append("\napply ").append(applier.site()).append(' ').append(applier.eventType().getName())
                        .append(applier.returnsState() ? " returns" : " in place"));
        Set<Class<?>> folded = folded(model, eventClasses);
        Set<String> typeNames = new TreeSet<>();
        folded.forEach(event -> typeNames.add(EventTypes.of(event).name()));
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getName));
        events.addAll(folded);
        eventClasses.stream().filter(c -> typeNames.contains(EventTypes.of(c).name())).forEach(events::add);
        for (Class<?> event : events) {
            EventTypes.EventTypeName name = EventTypes.of(event);
            fold.append("\nevent ").append(event.getName()).append(" as '").append(name.name()).append("' version ")
                    .append(name.version());
            shape(event, fold);
        }
        for (UpcasterInfo upcaster : versions.upcasters()) {
            if (typeNames.contains(upcaster.typeName())) {
                fold.append("\nupcast '").append(upcaster.typeName()).append("' ").append(upcaster.fromVersion())
                        .append(" to ").append(upcaster.toVersion()).append(' ').append(upcaster.kind()).append(' ')
                        .append(upcaster.site());
            }
        }
        String simpleName = type.getSimpleName();
        return (simpleName.length() > NAME_LENGTH ? simpleName.substring(0, NAME_LENGTH) : simpleName) + ":"
                + digest(fold.toString());
    }

    /** The event classes the model's appliers take: the concrete ones among their types and their subtypes. */
    private static Set<Class<?>> folded(StateModel model, Collection<Class<?>> eventClasses) {
        Set<Class<?>> folded = new LinkedHashSet<>();
        for (StateModel.Applier applier : model.appliers()) {
            Class<?> applied = applier.eventType();
            if (!applied.isInterface() && !Modifier.isAbstract(applied.getModifiers())) {
                folded.add(applied);
            }
            eventClasses.stream().filter(applied::isAssignableFrom).forEach(folded::add);
        }
        return folded;
    }

    private static void shape(Class<?> type, StringBuilder shape) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                shape.append(';').append(component.getName()).append(':').append(component.getGenericType().getTypeName());
            }
            return;
        }
        for (Field field : Reflection.declaredFields(type)) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                shape.append(';').append(field.getDeclaringClass().getName()).append('.').append(field.getName())
                        .append(':').append(field.getGenericType().getTypeName());
            }
        }
    }

    private static String digest(String fold) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fold.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
