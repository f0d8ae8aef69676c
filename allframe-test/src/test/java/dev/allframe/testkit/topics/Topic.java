package dev.allframe.testkit.topics;

import dev.allframe.command.Apply;
import java.util.HashSet;
import java.util.Set;

public class Topic {

    final Set<String> emails = new HashSet<>();

    @Apply
    void on(Subscribed e) {
        emails.add(e.email());
    }
}
