package dev.allframe.it.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.command.CommandBus;
import dev.allframe.it.Deployments;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An inline projection rebuilt on Liberty from the events in the application's JTA persistence unit: the
 * rebuild's thread replays the log while appends wait, then the next command applies the projection again.
 */
@ExtendWith(ArquillianExtension.class)
class InlineRebuildIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.withJpaStore(Deployments.application("inline-rebuild"))
                .addClasses(Receive.class, Ship.class, Received.class, Shipped.class, Stock.class,
                        StockHandlers.class, WarehousePersistence.class, WarehouseTables.class, ShippedTally.class)
                .addAsResource("dev/allframe/it/jpa/persistence.xml", "META-INF/persistence.xml");
        return Deployments.withConfig(war, """
                allframe.event-store=jpa
                allframe.jpa.create-schema=true
                allframe.projection.batch-size=2
                """);
    }

    @Inject
    CommandBus commands;

    @Inject
    ProjectionRegistry projections;

    @Inject
    ShippedTally tally;

    @Inject
    WarehouseTables tables;

    @Test
    void aRebuiltInlineProjectionHoldsEveryStoredEventAndGoesOnInline() throws Exception {
        commands.dispatch(new Receive("rebuild-1", 9));
        commands.dispatch(new Ship("rebuild-1", 2));
        commands.dispatch(new Ship("rebuild-1", 3));

        long appliedInline = tally.applications();
        projections.rebuild("shipped-tally");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (projections.status("shipped-tally").state() != ProjectionState.RUNNING) {
            assertTrue(System.nanoTime() < deadline, () -> "rebuilt: " + projections.status("shipped-tally"));
            Thread.sleep(20);
        }

        assertEquals(tables.count("Shipped"), tally.shipments());
        assertEquals(appliedInline + tables.count("Shipped"), tally.applications(), "the rebuild replayed the log");
        commands.dispatch(new Ship("rebuild-1", 1));
        assertEquals(tables.count("Shipped"), tally.shipments());
        assertEquals(ProjectionState.RUNNING, projections.status("shipped-tally").state());
    }
}
