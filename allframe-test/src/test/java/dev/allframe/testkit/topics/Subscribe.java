package dev.allframe.testkit.topics;

import dev.allframe.command.StreamId;

public record Subscribe(@StreamId String topic, String email) {
}
