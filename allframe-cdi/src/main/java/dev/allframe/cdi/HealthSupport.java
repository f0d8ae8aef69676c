package dev.allframe.cdi;

import dev.allframe.core.telemetry.Breakdowns;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Registers the projections' readiness check and the work's liveness check when MicroProfile Health is there. */
final class HealthSupport {

    private HealthSupport() {
    }

    static boolean available() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, HealthSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The same checks as beans of the build-compatible extension, each given what the build found by {@code found}.
     */
    static void register(SyntheticComponents components, UnaryOperator<SyntheticBeanBuilder<HealthCheck>> found) {
        found.apply(components.addBean(HealthCheck.class).type(HealthCheck.class)
                .qualifier(Readiness.Literal.INSTANCE)).createWith(BuildCompatibleHealth.Ready.class);
        found.apply(components.addBean(HealthCheck.class).type(HealthCheck.class)
                .qualifier(Liveness.Literal.INSTANCE)).createWith(BuildCompatibleHealth.Live.class);
    }

    static void register(AfterBeanDiscovery event, Supplier<ProjectionRegistry> registry,
                         Supplier<Function<ProjectionStatus, Duration>> lagAge, Duration maxLag,
                         Supplier<Breakdowns> breakdowns) {
        event.addBean().types(HealthCheck.class, Object.class).qualifiers(Readiness.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> new ProjectionHealthCheck(registry.get(), lagAge.get(), maxLag));
        event.addBean().types(HealthCheck.class, Object.class).qualifiers(Liveness.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> new BreakdownHealthCheck(breakdowns));
    }
}
