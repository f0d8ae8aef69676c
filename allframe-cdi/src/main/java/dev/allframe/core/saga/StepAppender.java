package dev.allframe.core.saga;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.core.TagComponents;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendToEventStream;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.saga.SagaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends the events a step returned. Each append carries an idempotency key made of the saga, the step
 * and the append's place in the result, so a step that runs again appends nothing twice, and the step's
 * execution as idempotency scope, so that nothing is appended once the saga compensates it.
 */
final class StepAppender {

    private final AppendToEventStream store;
    private final EventTypeRegistry eventTypes;

    StepAppender(AppendToEventStream store, EventTypeRegistry eventTypes) {
        this.store = store;
        this.eventTypes = eventTypes;
    }

    /**
     * Appends each of the result's appends in turn, once every event of them has a registered class: an event of a
     * class the application did not declare fails the step before anything of it is appended.
     */
    void append(SagaRecord saga, SagaStepModel step, StepResult result) {
        String correlation = saga.id().toString();
        Map<String, String> headers = Map.of("saga", saga.saga(), "step", step.name());
        List<AppendRequest> requests = new ArrayList<>(result.appends().size());
        for (int i = 0; i < result.appends().size(); i++) {
            StepResult.Append append = result.appends().get(i);
            List<NewEvent> events = new ArrayList<>(append.events().size());
            for (Object event : append.events()) {
                EventTypes.EventTypeName type = eventTypes.typeOf(event, append.streamId());
                events.add(new NewEvent(EventIds.next(), type.name(), type.version(), event, correlation, correlation,
                        headers, TagComponents.tagsOf(event)));
            }
            String key = saga.id() + ":" + step.position() + ":append-" + (i + 1);
            requests.add(new AppendRequest(append.streamId(), AppendCondition.any(), events, key,
                    StepContext.executionScope(saga, step)));
        }
        requests.forEach(store::append);
    }
}
