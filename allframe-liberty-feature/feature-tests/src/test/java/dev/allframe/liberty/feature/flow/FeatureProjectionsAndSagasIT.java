package dev.allframe.liberty.feature.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Projections and sagas of an application without AllFrame inside, run by the user feature. */
@ExtendWith(ArquillianExtension.class)
class FeatureProjectionsAndSagasIT {

    @Deployment
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "feature-flow.war")
                .addClasses(Place.class, Placed.class, OrderHandlers.class, OrderTotals.class, OrderCount.class,
                        Fulfilment.class, Journal.class, Pack.class, Ship.class);
    }

    @Inject
    CommandBus commands;

    @Inject
    ProjectionRegistry projections;

    @Inject
    OrderTotals totals;

    @Inject
    OrderCount count;

    @Inject
    SagaOrchestrator sagas;

    @Inject
    Journal journal;

    @Inject
    EventStore events;

    @Test
    void inlineAndAsyncProjectionsAreFed() throws Exception {
        int before = count.count();
        commands.dispatch(new Place("o-1", 30));
        CommandResult last = commands.dispatch(new Place("o-1", 12));

        assertEquals(before + 2, count.count());
        assertTrue(projections.awaitPosition("order-totals", last.lastPosition(), Duration.ofSeconds(10)));
        assertEquals(42, totals.total("o-1"));
        assertEquals(ProjectionState.RUNNING, projections.status("order-totals").state());
    }

    @Test
    void aSagaStepDispatchesACommandAndTheSagaCompletes() {
        SagaOutcome outcome = sagas.start("fulfil", new Fulfilment("o-2", true));

        assertEquals(new SagaOutcome.Completed(outcome.sagaId()), outcome);
        assertEquals(List.of("packed", "shipped"), journal.of("o-2"));
        assertEquals(List.of(new Placed("o-2-packing", 1)),
                events.readStream("o-2-packing", 1, 10).stream().map(EventEnvelope::event).toList());
    }

    @Test
    void aFailedStepIsCompensatedInReverseOrder() {
        SagaOutcome outcome = sagas.start("fulfil", new Fulfilment("o-3", false));

        assertTrue(outcome instanceof SagaOutcome.Compensated, outcome.toString());
        assertEquals(List.of("packed", "recalled", "unpacked"), journal.of("o-3"));
    }
}
