package dev.allframe.cdi.error.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.junit.jupiter.api.Test;

/**
 * A deployment AllFrame fails has no health checks of AllFrame's: a server that goes on calling the checks of an
 * application that never started (WildFly does) would otherwise report DOWN until it restarts.
 */
class NoHealthChecksOfAFailedDeploymentTest {

    /** Notes the health checks there are when the deployment is validated, as a server's health support looks. */
    public static final class HealthChecksSeen implements Extension {

        final List<String> seen = new ArrayList<>();

        void look(@Observes AfterDeploymentValidation event, BeanManager beans) {
            beans.getBeans(HealthCheck.class, Any.Literal.INSTANCE).forEach(bean -> seen.add(bean.toString()));
        }
    }

    @Test
    void aFailedDeploymentRegistersNoHealthChecks() {
        HealthChecksSeen checks = new HealthChecksSeen();

        Deployments.failure(Deployments.weld(Transfer.class, FirstHandlers.class, SecondHandlers.class)
                .addExtension(checks));

        assertThat(checks.seen).isEmpty();
    }

    @Test
    void aDeploymentThatStartsHasItsReadinessAndLivenessChecks() {
        HealthChecksSeen checks = new HealthChecksSeen();

        try (var container = Deployments.weld(Transfer.class, FirstHandlers.class).addExtension(checks).initialize()) {
            assertThat(checks.seen).hasSize(2);
        }
    }
}
