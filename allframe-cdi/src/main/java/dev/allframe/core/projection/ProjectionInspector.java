package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.HandlerMessages;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Checks projection beans and builds their models; every problem is reported. */
public final class ProjectionInspector {

    /** The name handler methods had before they were annotated: such a method without the annotation is reported. */
    static final String FORMER_HANDLER_NAME = "on";
    /** The name of a projection's reset method. */
    public static final String RESET_NAME = "reset";

    private ProjectionInspector() {
    }

    /** A projection bean as discovered: its class, name, mode, where its read model lives and its failure policy. */
    public record ProjectionBean(Class<?> beanClass, String name, ProjectionMode mode, ReadModel readModel,
                                 FailurePolicy onFailure, int segments) {

        public ProjectionBean(Class<?> beanClass, String name, ProjectionMode mode, ReadModel readModel,
                              FailurePolicy onFailure) {
            this(beanClass, name, mode, readModel, onFailure, 1);
        }

        public ProjectionBean(Class<?> beanClass, String name, ProjectionMode mode, ReadModel readModel) {
            this(beanClass, name, mode, readModel, FailurePolicy.STOP);
        }
    }

    public static List<ProjectionModel> inspect(List<ProjectionBean> beans, Problems problems) {
        Map<String, List<ProjectionBean>> byName = new TreeMap<>();
        beans.forEach(bean -> byName.computeIfAbsent(bean.name(), n -> new ArrayList<>()).add(bean));
        List<ProjectionModel> models = new ArrayList<>();
        byName.forEach((name, named) -> {
            if (named.size() > 1) {
                problems.add(ProjectionMessages.duplicateProjections(name,
                        named.stream().map(b -> b.beanClass().getName()).sorted().toList()));
            }
            named.stream().sorted(Comparator.comparing(b -> b.beanClass().getName()))
                    .forEach(bean -> inspect(bean, problems).ifPresent(models::add));
        });
        return models;
    }

    private static Optional<ProjectionModel> inspect(ProjectionBean bean, Problems problems) {
        int before = problems.size();
        Map<Class<?>, List<ProjectionHandler>> byEventType = new LinkedHashMap<>();
        Method reset = null;
        for (Method method : methods(bean.beanClass())) {
            if (method.getName().equals(RESET_NAME) && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
                reset = method;
            }
            if (!method.isAnnotationPresent(EventHandler.class)) {
                if (method.getName().equals(FORMER_HANDLER_NAME) && method.getParameterCount() > 0) {
                    problems.add(ProjectionMessages.unannotatedHandler(bean.name(), Sites.of(method)));
                }
                continue;
            }
            handler(bean, method, problems).ifPresent(handler ->
                    byEventType.computeIfAbsent(handler.eventType(), t -> new ArrayList<>()).add(handler));
        }
        byEventType.forEach((type, handlers) -> {
            if (handlers.size() > 1) {
                problems.add(ProjectionMessages.duplicateProjectionHandlers(bean.name(), type,
                        handlers.stream().map(h -> Sites.of(h.method())).toList()));
            }
        });
        if (bean.onFailure() == FailurePolicy.PARK && bean.mode() == ProjectionMode.INLINE) {
            problems.add(ProjectionMessages.inlineParking(bean.name(), bean.beanClass()));
        }
        if (bean.segments() < 1 || bean.segments() > Segment.MAX_COUNT) {
            problems.add(ProjectionMessages.segmentCount(bean.name(), bean.beanClass(), bean.segments(),
                    Segment.MAX_COUNT));
        } else if (bean.segments() > 1
                && (bean.mode() != ProjectionMode.ASYNC || bean.readModel() != ReadModel.STORED)) {
            problems.add(ProjectionMessages.segmentsNotShared(bean.name(), bean.beanClass(), bean.segments(),
                    bean.mode().name(), bean.readModel().name()));
        }
        if (byEventType.isEmpty() && problems.size() == before) {
            problems.add(ProjectionMessages.projectionWithoutHandlers(bean.name(), bean.beanClass()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        List<ProjectionHandler> handlers = byEventType.values().stream().map(list -> list.get(0)).toList();
        return Optional.of(new ProjectionModel(bean.name(), bean.mode(), bean.readModel(), bean.beanClass(), handlers,
                Optional.ofNullable(reset), bean.onFailure(), bean.segments()));
    }

    private static Optional<ProjectionHandler> handler(ProjectionBean bean, Method method, Problems problems) {
        String site = Sites.of(method);
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || method.getTypeParameters().length > 0) {
            problems.add(HandlerMessages.handlerModifiers("Projection " + bean.name() + " handler", site));
            return Optional.empty();
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 0) {
            problems.add(ProjectionMessages.projectionHandlerWithoutEvent(bean.name(), site));
            return Optional.empty();
        }
        if (parameters.length > 2 || (parameters.length == 2 && parameters[1] != EventEnvelope.class)
                || parameters[0].isPrimitive() || parameters[0] == EventEnvelope.class) {
            problems.add(ProjectionMessages.projectionHandlerParameters(bean.name(), site));
            return Optional.empty();
        }
        return Optional.of(new ProjectionHandler(parameters[0], method, parameters.length == 2));
    }

    /** Declared methods of the class and its superclasses, ordered by signature. */
    private static List<Method> methods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isSynthetic() && !method.isBridge()) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(Sites::of));
        return methods;
    }
}
