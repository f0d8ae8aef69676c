package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.dispatch.BoundaryScenariosTest.Courses;
import dev.allframe.core.dispatch.BoundaryScenariosTest.DefineCourse;
import dev.allframe.core.dispatch.BoundaryScenariosTest.SameModels;
import dev.allframe.core.dispatch.BoundaryScenariosTest.StudentSubscribed;
import dev.allframe.core.dispatch.BoundaryScenariosTest.Subscribe;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import dev.allframe.testing.ForwardingEventStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the command bus decides over queries: retries, what it refuses, and the store it needs. */
class BoundaryDispatchTest {

    /** A store that, before each of the next appends decided over a query, stores a seat in the same course. */
    static final class Intruder extends ForwardingEventStore {
        private int intrusions;
        private int decidedAppends;
        private QueryCondition lastCondition;

        void intrude(int times) {
            intrusions = times;
        }

        @Override
        public AppendResult append(AppendRequest request) {
            if (request.queryCondition() != null) {
                decidedAppends++;
                lastCondition = request.queryCondition();
                if (intrusions > 0) {
                    intrusions--;
                    delegate.append("intruder", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                            EventTypes.of(StudentSubscribed.class).name(), 1, new StudentSubscribed("c1", "intruder"), null, null, Map.of(),
                            Set.of("course:c1", "student:intruder"))));
                }
            }
            return delegate.append(request);
        }
    }

    private final Intruder store = new Intruder();

    @Test
    void aDecisionMadeOnModelsThatChangedIsMadeAgainOnTheNewOnes() {
        CommandDispatcher bus = TestBuses.commandBus(store, 2, new Courses(new SameModels(0)));
        bus.dispatch(new DefineCourse("c1", 3));
        store.intrude(2);

        CommandResult result = bus.dispatch(new Subscribe("s1", "c1"));

        assertThat(store.decidedAppends).isEqualTo(3);
        assertThat(result.events()).singleElement().extracting(e -> e.globalPosition()).isEqualTo(4L);
        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s2", "c1")))
                .hasMessage("AF1109: Command rejected: course c1 is full");
    }

    /** Every event up to the head was committed before the models were read, so the store checks only what came after. */
    @Test
    void theAppendIsConditionedOnNothingMatchingAfterTheHeadTheDecisionWasMadeAt() {
        CommandDispatcher bus = TestBuses.commandBus(store, 2, new Courses(new SameModels(0)));
        bus.dispatch(new DefineCourse("c1", 3));
        for (int i = 0; i < 4; i++) {
            bus.dispatch(new DefineCourse("other-" + i, 3));
        }

        bus.dispatch(new Subscribe("s1", "c1"));

        assertThat(store.lastCondition.after()).isEqualTo(5);
    }

    @Test
    void theConflictSurfacesOnceTheRetriesAreSpent() {
        CommandDispatcher bus = TestBuses.commandBus(store, 1, new Courses(new SameModels(0)));
        bus.dispatch(new DefineCourse("c1", 5));
        store.intrude(2);

        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s1", "c1")))
                .isInstanceOf(QueryConflictException.class)
                .hasMessage("AF1174: The append to stream 's1' was decided over events of types"
                        + " [BoundaryScenariosTest.CourseDefined, BoundaryScenariosTest.StudentSubscribed] tagged"
                        + " [course:c1] or types [BoundaryScenariosTest.StudentSubscribed] tagged [student:s1] up to"
                        + " position 2, but the event at position 3 (type 'BoundaryScenariosTest.StudentSubscribed' in"
                        + " stream 'intruder') matches that query; nothing was stored");
        assertThat(store.decidedAppends).isEqualTo(2);
        assertThat(store.readStream("s1", 1, 10)).isEmpty();
    }

    @Test
    void aCommandGivingNoValueForATagAModelAsksForIsInvalid() {
        CommandDispatcher bus = TestBuses.commandBus(store, 2, new Courses(new SameModels(0)));

        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s1", null)))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: " + Subscribe.class.getName() + " is invalid: courseId: "
                        + "AF1175: must not be null or empty: it gives the value of the tag 'course', which decision"
                        + " model " + BoundaryScenariosTest.CourseSeats.class.getName() + " is decided over");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aStoreThatDoesNotCheckQueryConditionsCannotRunHandlersDecidedOverModels() {
        ForwardingEventStore unchecked = new ForwardingEventStore() {
            @Override
            public boolean checksQueryConditions() {
                return false;
            }
        };

        assertThatThrownBy(() -> TestBuses.commandBus(unchecked, 2, new Courses(new SameModels(0))))
                .isExactlyInstanceOf(AllFrameException.class)
                .hasMessage("AF1176: Command handler dev.allframe.core.dispatch.BoundaryScenariosTest$Courses"
                        + "#subscribe(Subscribe, CourseSeats, StudentLoad) decides over decision models, but the event"
                        + " store " + unchecked.getClass().getName() + " does not check an append's query condition,"
                        + " so two commands could both decide on the same events: use a store that does (memory, jpa)");
    }
}
