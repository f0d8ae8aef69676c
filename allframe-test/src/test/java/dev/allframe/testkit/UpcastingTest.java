package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.TestStore;
import dev.allframe.testkit.topics.Subscribe;
import dev.allframe.testkit.topics.Subscribed;
import dev.allframe.testkit.topics.Subscribers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@AllFrameTest(store = TestStore.H2)
class UpcastingTest {

    @Inject
    AllFrameFixture fixture;

    @Inject
    Subscribers subscribers;

    @Test
    void eventsStoredInAnOldShapeReachHandlersAndProjectionsInTheNewest() {
        fixture.givenStored("news", "Subscribed", 1, "{\"topic\":\"news\",\"address\":\"ada@example.com\"}")
                .given("news", new Subscribed("news", "grace@example.com"));

        assertThat(fixture.events("news")).containsExactly(new Subscribed("news", "ada@example.com"),
                new Subscribed("news", "grace@example.com"));
        fixture.when(new Subscribe("news", "ada@example.com")).thenRejected("ada@example.com is subscribed already");
        fixture.awaitProjections();
        assertThat(subscribers.all()).containsExactly("news: ada@example.com", "news: grace@example.com");
        assertThat(fixture.store().readStream("news", 1, 1).get(0).schemaVersion()).isEqualTo(1);
    }

    @Test
    void aStoredShapeThatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> fixture.givenStored("news", "Subscribed", 7, "{\"topic\":\"news\"}"))
                .hasMessageStartingWith("AF2030: Event ")
                .hasMessageContaining("for stream 'news' would be stored as type 'Subscribed' version 7, which neither"
                        + " an event class nor an upcaster path is registered for");
        assertThat(fixture.events("news")).isEmpty();
    }
}
