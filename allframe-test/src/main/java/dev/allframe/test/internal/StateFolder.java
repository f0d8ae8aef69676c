package dev.allframe.test.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.core.Problems;
import dev.allframe.core.handler.StateModel;
import java.util.List;
import java.util.Optional;

/** Folds a stream's events into a state type the way a command handler taking that state sees them. */
public final class StateFolder {

    private StateFolder() {
    }

    public static <S> S fold(Class<S> stateType, List<EventEnvelope> events) {
        Problems problems = new Problems();
        Optional<StateModel> model = StateModel.of(stateType, problems);
        if (model.isEmpty()) {
            throw new AssertionError(TestKitMessages.notAState(stateType, problems.messages().toString()).toString());
        }
        Object state = model.get().initial();
        for (EventEnvelope event : events) {
            state = model.get().apply(state, event);
        }
        return stateType.cast(state);
    }
}
