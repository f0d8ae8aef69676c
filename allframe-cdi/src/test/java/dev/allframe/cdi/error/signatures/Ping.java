package dev.allframe.cdi.error.signatures;

import dev.allframe.StreamId;

public record Ping(@StreamId String id) {
}
