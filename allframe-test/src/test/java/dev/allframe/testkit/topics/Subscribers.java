package dev.allframe.testkit.topics;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.ArrayList;
import java.util.List;

@Projection("subscribers")
public class Subscribers {

    private final List<String> emails = new ArrayList<>();

    @EventHandler
    synchronized void on(Subscribed event) {
        emails.add(event.topic() + ": " + event.email());
    }

    synchronized void reset() {
        emails.clear();
    }

    public synchronized List<String> all() {
        return List.copyOf(emails);
    }
}
