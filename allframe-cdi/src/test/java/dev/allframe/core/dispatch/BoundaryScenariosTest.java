package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.Apply;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.DecisionModel;
import dev.allframe.command.InitialState;
import dev.allframe.command.StreamId;
import dev.allframe.event.EventQuery;
import dev.allframe.event.Tag;
import dev.allframe.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The three examples of dcb.events, decided over queries instead of streams: course subscriptions limited on both
 * sides, unique user names, and invoice numbers without holes; each also with writers on several threads.
 */
class BoundaryScenariosTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    // --- course subscriptions: a course takes at most its capacity, a student at most three courses

    record DefineCourse(@StreamId @Tag("course") String courseId, int capacity) {}

    record Subscribe(@StreamId @Tag("student") String studentId, @Tag("course") String courseId) {}

    record CourseDefined(@Tag("course") String courseId, int capacity) {}

    record StudentSubscribed(@Tag("course") String courseId, @Tag("student") String studentId) {}

    @DecisionModel(tags = "course")
    record CourseSeats(boolean defined, int capacity, int taken) {
        @InitialState
        static CourseSeats none() {
            return new CourseSeats(false, 0, 0);
        }

        @Apply
        CourseSeats on(CourseDefined defined) {
            return new CourseSeats(true, defined.capacity(), taken);
        }

        @Apply
        CourseSeats on(StudentSubscribed subscribed) {
            return new CourseSeats(defined, capacity, taken + 1);
        }
    }

    @DecisionModel(tags = "student")
    record StudentLoad(List<String> courses) {
        @InitialState
        static StudentLoad none() {
            return new StudentLoad(List.of());
        }

        @Apply
        StudentLoad on(StudentSubscribed subscribed) {
            List<String> more = new ArrayList<>(courses);
            more.add(subscribed.courseId());
            return new StudentLoad(more);
        }
    }

    /**
     * Holds each of the first {@code parties} decisions until all of them were made on the same models, so that their
     * appends race (later decisions pass).
     */
    static final class SameModels {
        private final CountDownLatch decided;

        SameModels(int parties) {
            decided = new CountDownLatch(parties);
        }

        void decided() {
            if (decided.getCount() == 0) {
                return;
            }
            decided.countDown();
            try {
                assertThat(decided.await(1, TimeUnit.MINUTES)).as("every writer decided").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static class Courses {
        private final SameModels race;

        Courses(SameModels race) {
            this.race = race;
        }

        @CommandHandler(createsStream = true)
        CourseDefined define(DefineCourse command) {
            return new CourseDefined(command.courseId(), command.capacity());
        }

        @CommandHandler
        StudentSubscribed subscribe(Subscribe command, CourseSeats course, StudentLoad student) {
            if (!course.defined()) {
                throw new CommandRejectedException("no course " + command.courseId());
            }
            if (course.taken() >= course.capacity()) {
                throw new CommandRejectedException("course " + command.courseId() + " is full");
            }
            if (student.courses().contains(command.courseId())) {
                throw new CommandRejectedException("already subscribed");
            }
            if (student.courses().size() >= 3) {
                throw new CommandRejectedException("student " + command.studentId() + " takes three courses");
            }
            race.decided();
            return new StudentSubscribed(command.courseId(), command.studentId());
        }
    }

    @Test
    void aCourseTakesItsCapacityAndAStudentThreeCourses() {
        CommandDispatcher bus = TestBuses.commandBus(store, 3, new Courses(new SameModels(0)));
        for (String course : List.of("c1", "c2", "c3", "c4")) {
            bus.dispatch(new DefineCourse(course, 2));
        }

        CommandResult first = bus.dispatch(new Subscribe("s1", "c1"));
        bus.dispatch(new Subscribe("s2", "c1"));

        assertThat(first.streamId()).isEqualTo("s1");
        assertThat(first.events()).singleElement().extracting(EventEnvelope::tags)
                .satisfies(tags -> assertThat(tags).containsExactlyInAnyOrder("course:c1", "student:s1"));
        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s3", "c1")))
                .hasMessage("AF1109: Command rejected: course c1 is full");
        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s1", "c1")))
                .hasMessage("AF1109: Command rejected: course c1 is full");
        bus.dispatch(new Subscribe("s1", "c2"));
        bus.dispatch(new Subscribe("s1", "c3"));
        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s1", "c4")))
                .hasMessage("AF1109: Command rejected: student s1 takes three courses");
        assertThatThrownBy(() -> bus.dispatch(new Subscribe("s9", "c9")))
                .hasMessage("AF1109: Command rejected: no course c9");
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 100)).hasSize(3);
    }

    @Test
    void eightStudentsDecidingOnTheSameSeatsTakeExactlyFive() throws Exception {
        CommandDispatcher bus = TestBuses.commandBusWithoutTurns(store, 20, new Courses(new SameModels(8)));
        bus.dispatch(new DefineCourse("c1", 5));

        List<String> outcomes = concurrently(8, student -> () -> {
            try {
                bus.dispatch(new Subscribe("s" + student, "c1"));
                return "subscribed";
            } catch (CommandRejectedException e) {
                return e.getMessage();
            }
        });

        assertThat(outcomes).filteredOn("subscribed"::equals).hasSize(5);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("subscribed"))
                .containsOnly("AF1109: Command rejected: course c1 is full").hasSize(3);
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 100)).hasSize(6);
    }

    // --- unique user names

    record Register(@StreamId String userId, @Tag("username") String username) {}

    record Registered(String userId, @Tag("username") String username) {}

    @DecisionModel(tags = "username")
    record NameClaim(String holder) {
        @InitialState
        static NameClaim free() {
            return new NameClaim(null);
        }

        @Apply
        NameClaim on(Registered registered) {
            return new NameClaim(registered.userId());
        }
    }

    static class Users {
        private final SameModels race;

        Users(SameModels race) {
            this.race = race;
        }

        @CommandHandler(createsStream = true)
        Registered register(Register command, NameClaim claim) {
            if (claim.holder() != null) {
                throw new CommandRejectedException("the name " + command.username() + " is taken");
            }
            race.decided();
            return new Registered(command.userId(), command.username());
        }
    }

    @Test
    void aUserNameIsTakenOnceByEightWritersDecidingAtOnce() throws Exception {
        CommandDispatcher bus = TestBuses.commandBusWithoutTurns(store, 20, new Users(new SameModels(8)));

        List<String> outcomes = concurrently(8, user -> () -> {
            try {
                bus.dispatch(new Register("u" + user, "ada"));
                return "registered";
            } catch (CommandRejectedException e) {
                return e.getMessage();
            }
        });
        bus.dispatch(new Register("u9", "grace"));

        assertThat(outcomes).filteredOn("registered"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("registered"))
                .containsOnly("AF1109: Command rejected: the name ada is taken");
        assertThat(store.read(EventQuery.tagged("username:ada"), 0, 100)).hasSize(1);
        assertThat(store.read(EventQuery.tagged("username:grace"), 0, 100)).hasSize(1);
    }

    // --- invoice numbers without holes

    record CreateInvoice(@StreamId String invoiceId, long cents) {}

    record InvoiceCreated(String invoiceId, int number, long cents) {}

    @DecisionModel
    record NextInvoiceNumber(int next) {
        @InitialState
        static NextInvoiceNumber first() {
            return new NextInvoiceNumber(1);
        }

        @Apply
        NextInvoiceNumber on(InvoiceCreated created) {
            return new NextInvoiceNumber(created.number() + 1);
        }
    }

    static class Invoices {
        @CommandHandler(createsStream = true)
        InvoiceCreated create(CreateInvoice command, NextInvoiceNumber number) {
            return new InvoiceCreated(command.invoiceId(), number.next(), command.cents());
        }
    }

    /** Without turns, so that the writers meet in the store and are decided again there. */
    @Test
    void invoicesCreatedOnEightThreadsAreNumberedWithoutHolesOrRepeats() throws Exception {
        numbersInvoicesOnEightThreadsWithoutHoles(TestBuses.commandBusWithoutTurns(store, 1_000, new Invoices()));
    }

    /** With turns, writers of one server decide one after the other and none is refused, even without retries. */
    @Test
    void invoicesCreatedOnEightThreadsOfOneServerTakeTurnsInsteadOfRetries() throws Exception {
        numbersInvoicesOnEightThreadsWithoutHoles(TestBuses.commandBus(store, 0, new Invoices()));
    }

    private void numbersInvoicesOnEightThreadsWithoutHoles(CommandDispatcher bus) throws Exception {
        concurrently(8, writer -> () -> {
            for (int i = 0; i < 25; i++) {
                bus.dispatch(new CreateInvoice("invoice-" + writer + "-" + i, 100));
            }
            return null;
        });

        assertThat(store.readAll(0, 1_000)).extracting(e -> e.event(InvoiceCreated.class).number())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
    }

    private static <T> List<T> concurrently(int threads, IntFunction<Callable<T>> tasks)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(tasks.apply(i)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
