package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommitNoticesTest {

    /** Runs the tasks handed to it when the test says. */
    private static final class HeldTasks implements java.util.concurrent.Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void commitsMadeWhileANoticeIsOnItsWayAreToldByOneMoreCarryingTheHighestPosition() {
        List<Long> sent = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        CommitNotices notices = new CommitNotices(sent::add, pauses::add);
        HeldTasks tasks = new HeldTasks();
        notices.sendOn(tasks);

        notices.committed(5);
        notices.committed(9);
        notices.committed(7);
        assertThat(tasks.tasks).as("one notice on its way").hasSize(1);
        tasks.runAll();
        notices.committed(12);
        tasks.runAll();

        assertThat(sent).containsExactly(9L, 12L);
        assertThat(pauses).containsExactly(CommitNotices.SPACING, CommitNotices.SPACING);
    }

    @Test
    void noticesFromAnExecutorAreSpacedAndTheCommitsMadeMeanwhileAreToldTogetherAfter() {
        List<Long> sent = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        CommitNotices[] notices = new CommitNotices[1];
        notices[0] = new CommitNotices(sent::add, duration -> {
            pauses.add(duration);
            if (pauses.size() == 1) {
                notices[0].committed(2);
                notices[0].committed(4);
                notices[0].committed(3);
            }
        });
        HeldTasks tasks = new HeldTasks();
        notices[0].sendOn(tasks);

        notices[0].committed(1);
        tasks.runAll();

        assertThat(sent).as("the commits made during the pause, told by one notice after it").containsExactly(1L, 4L);
        assertThat(pauses).containsExactly(Duration.ofMillis(2), Duration.ofMillis(2));
        assertThat(tasks.tasks).isEmpty();
    }

    /**
     * The heads of the notices it sent, the last {@link CommitNotices#SENT_KEPT} of them, are known as its own when the
     * database tells them back; a commit told by a later notice with a higher head never went out under its own.
     */
    @Test
    void theHeadsOfTheLastNoticesSentAreKnownAsItsOwn() {
        List<Long> sent = new ArrayList<>();
        CommitNotices notices = new CommitNotices(sent::add, duration -> { });
        HeldTasks tasks = new HeldTasks();
        notices.sendOn(tasks);

        notices.committed(5);
        notices.committed(9);
        tasks.runAll();
        for (long head = 10; head < 10 + CommitNotices.SENT_KEPT - 1; head++) {
            notices.committed(head);
            tasks.runAll();
        }

        assertThat(sent).hasSize(CommitNotices.SENT_KEPT).startsWith(9L, 10L);
        assertThat(notices.sentHere(9)).isTrue();
        assertThat(notices.sentHere(10 + CommitNotices.SENT_KEPT - 2)).isTrue();
        assertThat(notices.sentHere(5)).as("told by the notice of 9").isFalse();
        assertThat(notices.sentHere(4)).as("never committed here").isFalse();
        assertThat(notices.sentHere(0)).isFalse();
        notices.committed(10 + CommitNotices.SENT_KEPT);
        tasks.runAll();
        assertThat(notices.sentHere(9)).as("sent before the last " + CommitNotices.SENT_KEPT).isFalse();
    }

    @Test
    void noticesSentInTheThreadThatCommittedAreNotSpaced() {
        List<Long> sent = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        CommitNotices notices = new CommitNotices(sent::add, pauses::add);

        notices.committed(1);
        notices.committed(2);

        assertThat(sent).containsExactly(1L, 2L);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aNoticeSentWhileTheNextCommitsComeIsFollowedByOneForThem() throws Exception {
        List<Long> sent = new CopyOnWriteArrayList<>();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CommitNotices notices = new CommitNotices(head -> {
            sent.add(head);
            if (head == 1) {
                sending.countDown();
                await(goOn);
            }
        }, duration -> { });
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            notices.sendOn(thread);
            notices.committed(1);
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            notices.committed(2);
            notices.committed(3);
            goOn.countDown();
            Future<?> drained = thread.submit(() -> { });
            drained.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(sent).containsExactly(1L, 3L);
    }

    @Test
    void aNoticeThatFailsIsLoggedAndTheNextCommitSendsAgain() {
        List<Long> sent = new ArrayList<>();
        boolean[] down = {true};
        CommitNotices notices = new CommitNotices(head -> {
            if (down[0]) {
                throw new IllegalStateException("connection refused");
            }
            sent.add(head);
        });
        try (LogCapture log = LogCapture.of(CommitNotices.class)) {
            notices.committed(4);
            down[0] = false;
            notices.committed(6);

            assertThat(log.lines()).containsExactly("WARNING AF2067: The servers sharing the database were not told"
                    + " that this one committed events up to position 4 (java.lang.IllegalStateException: connection"
                    + " refused): they find them at their next poll; the next commit tells them again");
        }
        assertThat(sent).containsExactly(6L);
    }

    @Test
    void anErrorWhileSendingIsLoggedThrownAndDoesNotStopTheNextNotices() {
        List<Long> sent = new ArrayList<>();
        boolean[] broken = {true};
        CommitNotices notices = new CommitNotices(head -> {
            if (broken[0]) {
                throw new StackOverflowError("deep");
            }
            sent.add(head);
        });
        try (LogCapture log = LogCapture.of(CommitNotices.class)) {
            assertThatThrownBy(() -> notices.committed(3)).isInstanceOf(StackOverflowError.class);
            broken[0] = false;
            notices.committed(3);

            assertThat(log.lines()).singleElement().asString().startsWith("WARNING AF2067:")
                    .contains("up to position 3 (java.lang.StackOverflowError: deep)");
        }
        assertThat(sent).containsExactly(3L);
    }

    @Test
    void anExecutorThatRefusesLeavesTheNextCommitToSend() {
        List<Long> sent = new ArrayList<>();
        CommitNotices notices = new CommitNotices(sent::add, duration -> { });
        boolean[] refusing = {true};
        notices.sendOn(task -> {
            if (refusing[0]) {
                throw new RejectedExecutionException("stopping");
            }
            task.run();
        });

        notices.committed(1);
        refusing[0] = false;
        notices.committed(2);

        assertThat(sent).containsExactly(2L);
    }

    @Test
    void onceClosedNoNoticeIsSentAndOneFailingBecauseOfTheClosingIsNotReported() {
        List<Long> sent = new ArrayList<>();
        CommitNotices[] notices = new CommitNotices[1];
        notices[0] = new CommitNotices(head -> {
            if (head == 2) {
                notices[0].close();
                throw new IllegalStateException("EntityManagerFactory is closed");
            }
            sent.add(head);
        }, duration -> { });
        try (LogCapture log = LogCapture.of(CommitNotices.class)) {
            notices[0].committed(1);
            notices[0].committed(2);
            notices[0].committed(3);

            assertThat(log.lines()).isEmpty();
        }
        assertThat(sent).containsExactly(1L);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
