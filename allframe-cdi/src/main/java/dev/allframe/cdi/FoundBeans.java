package dev.allframe.cdi;

import dev.allframe.command.CommandHandler;
import dev.allframe.core.Problems;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.version.UpcasterMethod;
import dev.allframe.event.JsonUpcaster;
import dev.allframe.event.Upcaster;
import dev.allframe.projection.Projection;
import dev.allframe.query.QueryHandler;
import dev.allframe.saga.SagaStep;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an extension finds on the application's beans, whichever way it reads them: the handler and upcaster
 * methods, the projections, the saga steps, and the beans found in a scope AllFrame cannot use. Both front ends feed
 * it the same way, one managed bean at a time, so that they find the same.
 */
final class FoundBeans {

    /** AllFrame's annotations, on a bean class or on one of its methods. */
    static final List<Class<? extends Annotation>> MARKERS = List.of(CommandHandler.class, QueryHandler.class,
            Projection.class, SagaStep.class, Upcaster.class, JsonUpcaster.class);

    /** How a front end reads the annotations of a class or of a method, as the container sees them. */
    @FunctionalInterface
    interface Annotations {
        <A extends Annotation> A get(Class<A> type);
    }

    /** A method of a bean class, with its annotations. */
    record Member(Method method, Annotations annotations) {
    }

    private final List<HandlerMethod> handlerMethods = new ArrayList<>();
    private final Set<Class<?>> handlerBeans = new LinkedHashSet<>();
    private final List<ProjectionBean> projections = new ArrayList<>();
    private final List<UpcasterMethod> upcasters = new ArrayList<>();
    private final Problems scopeProblems = new Problems();
    private final SagaDiscovery sagas = new SagaDiscovery();

    /**
     * Takes in a managed bean: its class, its scope, the annotations of the class and its methods.
     *
     * @return whether AllFrame calls the bean (a handler, projection, upcaster or saga step bean in a usable scope)
     */
    boolean add(Class<?> beanClass, Class<? extends Annotation> scope, Annotations type, List<Member> methods) {
        boolean used = false;
        Projection projection = type.get(Projection.class);
        if (projection != null) {
            used = addProjection(beanClass, scope, projection);
        }
        SagaStep step = type.get(SagaStep.class);
        if (step != null) {
            used |= sagas.collect(beanClass, scope, step);
        }
        for (Member member : methods) {
            Method method = member.method();
            if (method.isSynthetic() || method.isBridge()) {
                continue;
            }
            CommandHandler command = member.annotations().get(CommandHandler.class);
            if (command != null) {
                handlerMethods.add(new HandlerMethod(beanClass, method, HandlerKind.COMMAND, command.createsStream()));
                handlerBeans.add(beanClass);
            }
            if (member.annotations().get(QueryHandler.class) != null) {
                handlerMethods.add(new HandlerMethod(beanClass, method, HandlerKind.QUERY, false));
                handlerBeans.add(beanClass);
            }
            JsonUpcaster json = member.annotations().get(JsonUpcaster.class);
            if (member.annotations().get(Upcaster.class) != null || json != null) {
                upcasters.add(new UpcasterMethod(beanClass, method, json == null ? null : json.type(),
                        json == null ? 0 : json.from()));
                handlerBeans.add(beanClass);
            }
        }
        return used || handlerBeans.contains(beanClass);
    }

    private boolean addProjection(Class<?> beanClass, Class<? extends Annotation> scope, Projection projection) {
        if (!SagaDiscovery.usableScope(scope)) {
            scopeProblems.add(ProjectionMessages.projectionScope(projection.value(), beanClass, scope.getSimpleName()));
            return false;
        }
        projections.add(new ProjectionBean(beanClass, projection.value(), projection.mode(), projection.readModel(),
                projection.onFailure(), projection.segments()));
        handlerBeans.add(beanClass);
        return true;
    }

    /**
     * The classes of the beans declaring handlers, projections or upcasters: each must have its own class among its
     * bean types, so that AllFrame can look it up.
     */
    Set<Class<?>> handlerBeans() {
        return Set.copyOf(handlerBeans);
    }

    /**
     * What was found, for the plan.
     *
     * @param typeRestricted        the {@link #handlerBeans()} whose bean types leave out their class
     * @param applicationEventStore whether the application has an {@code EventStore} bean of its own
     */
    DeploymentPlan.Found found(List<Class<?>> typeRestricted, boolean applicationEventStore) {
        return new DeploymentPlan.Found(handlerMethods, typeRestricted, projections, upcasters,
                scopeProblems.messages(), sagas, applicationEventStore);
    }
}
