package dev.allframe.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import org.eclipse.microprofile.health.HealthCheck;

/**
 * AllFrame's health checks as beans of {@link AllFrameBuildExtension}, where MicroProfile Health is there: the
 * projections' readiness and the liveness of AllFrame's work. Not for applications to use.
 */
public final class BuildCompatibleHealth {

    private BuildCompatibleHealth() {
    }

    public static final class Ready implements SyntheticBeanCreator<HealthCheck> {
        @Override
        public HealthCheck create(Instance<Object> lookup, Parameters params) {
            Application application = BuildCompatibleBeans.application(params);
            return new ProjectionHealthCheck(application.running().projections(),
                    application.running().lagAge()::of, application.maxLag());
        }
    }

    public static final class Live implements SyntheticBeanCreator<HealthCheck> {
        @Override
        public HealthCheck create(Instance<Object> lookup, Parameters params) {
            Application application = BuildCompatibleBeans.application(params);
            return new BreakdownHealthCheck(() -> application.running().telemetry());
        }
    }
}
