package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.QueryConflictException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course subscriptions of docs/guide/boundaries.md, compiled from their blocks and run on the in-memory store:
 * a course takes its capacity and no more, also from students subscribing at once, a student at most five courses;
 * and the invoices of the same page are numbered without holes by writers at once.
 */
class BoundaryExampleTest {

    private static final String PACKAGE = "com.example.school.";

    @TempDir
    Path directory;

    @Test
    void aCourseTakesItsCapacityAndAStudentFiveCourses() throws Exception {
        Example school = Example.of("boundaries", null, directory);

        school.run(() -> {
            try (WeldContainer container = school.start()) {
                CommandBus commands = container.select(CommandBus.class).get();
                for (int i = 1; i <= 6; i++) {
                    commands.dispatch(message(school, "CourseCommand$DefineCourse", "course-" + i, 2));
                }
                commands.dispatch(message(school, "CourseCommand$DefineCourse", "chemistry", 3));

                CommandResult ada = commands.dispatch(message(school, "CourseCommand$Subscribe", "ada", "chemistry"));

                assertThat(ada.streamId()).isEqualTo("ada");
                assertThat(ada.events().get(0).tags()).containsExactlyInAnyOrder("course:chemistry", "student:ada");
                assertThatThrownBy(() -> commands.dispatch(message(school, "CourseCommand$Subscribe", "ada",
                        "chemistry"))).hasMessage("AF1109: Command rejected: ada already takes chemistry");
                List<String> outcomes = concurrently(8, student -> {
                    try {
                        commands.dispatch(message(school, "CourseCommand$Subscribe", "student-" + student,
                                "chemistry"));
                        return "subscribed";
                    } catch (RuntimeException e) {
                        return e.getMessage();
                    }
                });
                assertThat(outcomes).filteredOn("subscribed"::equals).hasSize(2);
                assertThat(outcomes).filteredOn(outcome -> !outcome.equals("subscribed"))
                        .containsOnly("AF1109: Command rejected: course chemistry is full");

                for (int i = 1; i <= 4; i++) {
                    commands.dispatch(message(school, "CourseCommand$Subscribe", "ada", "course-" + i));
                }
                assertThatThrownBy(() -> commands.dispatch(message(school, "CourseCommand$Subscribe", "ada",
                        "course-5"))).hasMessage("AF1109: Command rejected: ada takes 5 courses");
                assertThatThrownBy(() -> commands.dispatch(message(school, "CourseCommand$Subscribe", "ada",
                        "physics"))).hasMessage("AF1109: Command rejected: no course physics");
                assertThatThrownBy(() -> commands.dispatch(message(school, "CourseCommand$Subscribe", "ada", " ")))
                        .isInstanceOf(CommandValidationException.class);
            }
            return null;
        });
    }

    @Test
    void invoicesCreatedAtOnceAreNumberedWithoutHoles() throws Exception {
        Example invoices = Example.of("boundaries-invoices", null, directory);

        invoices.run(() -> {
            try (WeldContainer container = invoices.start()) {
                CommandBus commands = container.select(CommandBus.class).get();
                List<String> numbers = concurrently(4, writer -> {
                    List<Object> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        Object create = message(invoices, "com.example.invoices.Invoices$CreateInvoice",
                                "invoice-" + writer + "-" + i, 100L);
                        CommandResult created = null;
                        while (created == null) {
                            try {
                                created = commands.dispatch(create);
                            } catch (QueryConflictException busy) {
                                // turns and retries did not keep the others' invoices out (a busy machine): ask
                                // again, as a client would
                            }
                        }
                        Object event = created.events().get(0).event();
                        mine.add(event.getClass().getMethod("number").invoke(event));
                    }
                    return mine.toString();
                });
                List<Integer> all = new ArrayList<>();
                numbers.forEach(list -> {
                    for (String number : list.substring(1, list.length() - 1).split(", ")) {
                        all.add(Integer.parseInt(number));
                    }
                });
                assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
            }
            return null;
        });
    }

    private interface Task {
        String run(int index) throws Exception;
    }

    private static List<String> concurrently(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object message(Example example, String type, Object... components) throws Exception {
        String name = type.contains(".") ? type : PACKAGE + type;
        Constructor<?> constructor = example.classes().load(name).getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }
}
