package dev.allframe.cdi;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.AllFrameMessage;
import dev.allframe.command.CommandBus;
import dev.allframe.core.message.HandlerMessages;
import dev.allframe.event.TagBackfill;
import dev.allframe.event.VersionRegistry;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.FieldConfig;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * AllFrame as a build-compatible extension, for CDI Lite containers such as Quarkus's, which run no portable
 * extension: it finds the same beans as {@link AllFrameExtension}, makes the same {@link DeploymentPlan} and fails
 * the build with the same problems; the application's AllFrame is then made once it runs
 * ({@link BuildCompatibleBeans}). Where the portable extension runs, this one is skipped.
 */
@SkipIfPortableExtensionPresent(AllFrameExtension.class)
public class AllFrameBuildExtension implements BuildCompatibleExtension {

    private final List<Class<?>> beanClasses = new ArrayList<>();
    private final List<Class<? extends Annotation>> scopes = new ArrayList<>();
    private final List<Class<?>> typeRestricted = new ArrayList<>();
    private final List<AllFrameMessage> unloadable = new ArrayList<>();
    private boolean applicationEventStore;

    /**
     * Names the beans AllFrame looks up, so that a container that removes the beans nothing injects keeps them: the
     * beans with AllFrame's annotations, and the producers of saga definitions.
     */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = {
            dev.allframe.command.CommandHandler.class, dev.allframe.query.QueryHandler.class,
            dev.allframe.projection.Projection.class, dev.allframe.saga.SagaStep.class,
            dev.allframe.event.Upcaster.class, dev.allframe.event.JsonUpcaster.class, Produces.class})
    public void keep(ClassConfig type) {
        String name = type.info().name();
        if (usesAllFrame(type.info()) && !type.info().hasAnnotation(Named.class)) {
            type.addAnnotation(NamedLiteral.of("allframe:" + name));
        }
        for (MethodConfig method : type.methods()) {
            if (method.info().hasAnnotation(Produces.class) && !method.info().hasAnnotation(Named.class)
                    && producesDefinition(method.info().returnType())) {
                method.addAnnotation(NamedLiteral.of("allframe:" + name + "#" + method.info().name()));
            }
        }
        for (FieldConfig field : type.fields()) {
            if (field.info().hasAnnotation(Produces.class) && !field.info().hasAnnotation(Named.class)
                    && producesDefinition(field.info().type())) {
                field.addAnnotation(NamedLiteral.of("allframe:" + name + "#" + field.info().name()));
            }
        }
    }

    private static boolean producesDefinition(Type type) {
        return typeName(type).equals(SagaDefinition.class.getName());
    }

    private static String typeName(Type type) {
        if (type.isParameterizedType()) {
            return type.asParameterizedType().declaration().name();
        }
        return type.isClass() ? type.asClass().declaration().name() : "";
    }

    /** Each bean of the application: the ones AllFrame calls, and whether the application has its own store. */
    @Registration(types = Object.class)
    public void collect(BeanInfo bean) {
        if (bean.types().stream().anyMatch(type -> typeName(type).equals(EventStore.class.getName()))) {
            applicationEventStore = true;
        }
        if (!bean.isClassBean()) {
            return;
        }
        ClassInfo declaring = bean.declaringClass();
        if (!usesAllFrame(declaring)) {
            return;
        }
        Class<?> beanClass;
        Class<? extends Annotation> scope;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            beanClass = Class.forName(declaring.name(), false, loader);
            scope = Class.forName(bean.scope().annotation().name(), false, loader).asSubclass(Annotation.class);
            ReflectedBeans.methods(beanClass);
        } catch (ClassNotFoundException | LinkageError e) {
            unloadable.add(HandlerMessages.beanClassUnloadable(declaring.name(), e.toString()));
            return;
        }
        beanClasses.add(beanClass);
        scopes.add(scope);
        if (bean.types().stream().noneMatch(type -> typeName(type).equals(declaring.name()))) {
            typeRestricted.add(beanClass);
        }
    }

    /**
     * Whether the class or a method of it or of its superclasses carries one of AllFrame's annotations, read from the
     * container's model without loading the class: only the classes that do are loaded and read by reflection, so
     * that a bean of another library whose methods name a class that is missing does not fail the build.
     */
    private static boolean usesAllFrame(ClassInfo declaring) {
        if (FoundBeans.MARKERS.stream().anyMatch(declaring::hasAnnotation)) {
            return true;
        }
        for (ClassInfo type = declaring; type != null; type = type.superClassDeclaration()) {
            if (type.methods().stream().anyMatch(method -> FoundBeans.MARKERS.stream().anyMatch(method::hasAnnotation))) {
                return true;
            }
        }
        return false;
    }

    /** AllFrame's beans, made once the application runs; its start and stop. */
    @Synthesis
    public void register(SyntheticComponents components) {
        if (!applicationEventStore) {
            found(components.addBean(EventStore.class).type(EventStore.class))
                    .createWith(BuildCompatibleBeans.Store.class).disposeWith(BuildCompatibleBeans.StoreClosing.class);
        }
        found(components.addBean(CommandBus.class).type(CommandBus.class))
                .createWith(BuildCompatibleBeans.Commands.class).disposeWith(BuildCompatibleBeans.CommandsClosing.class);
        found(components.addBean(QueryBus.class).type(QueryBus.class))
                .createWith(BuildCompatibleBeans.Queries.class);
        found(components.addBean(ProjectionRegistry.class).type(ProjectionRegistry.class))
                .createWith(BuildCompatibleBeans.Projections.class);
        found(components.addBean(VersionRegistry.class).type(VersionRegistry.class))
                .createWith(BuildCompatibleBeans.Versions.class);
        found(components.addBean(TagBackfill.class).type(TagBackfill.class))
                .createWith(BuildCompatibleBeans.Tags.class);
        found(components.addBean(SagaOrchestrator.class).type(SagaOrchestrator.class))
                .createWith(BuildCompatibleBeans.Sagas.class);
        if (HealthSupport.available()) {
            HealthSupport.register(components, this::found);
        }
        components.addObserver(Startup.class).observeWith(BuildCompatibleBeans.Starting.class)
                .withParam(BuildCompatibleBeans.BEANS, beanClasses.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.SCOPES, scopes.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.TYPE_RESTRICTED, typeRestricted.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.APPLICATION_EVENT_STORE, applicationEventStore);
        components.addObserver(Shutdown.class).observeWith(BuildCompatibleBeans.Stopping.class);
    }

    private <T> SyntheticBeanBuilder<T> found(SyntheticBeanBuilder<T> bean) {
        return bean.scope(ApplicationScoped.class)
                .withParam(BuildCompatibleBeans.BEANS, beanClasses.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.SCOPES, scopes.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.TYPE_RESTRICTED, typeRestricted.toArray(Class<?>[]::new))
                .withParam(BuildCompatibleBeans.APPLICATION_EVENT_STORE, applicationEventStore);
    }

    /** Every problem of the deployment fails the build, as the portable extension fails a deployment. */
    @Validation
    public void validate(Messages messages) {
        DeploymentPlan plan = DeploymentPlan.make(ReflectedBeans.found(beanClasses, scopes, typeRestricted,
                applicationEventStore));
        List<AllFrameMessage> problems = new ArrayList<>(unloadable);
        problems.addAll(plan.problems());
        if (!problems.isEmpty()) {
            messages.error(new AllFrameDeploymentException(problems).getMessage());
        }
    }
}
