package dev.allframe.cdi.error.versions;

import dev.allframe.StreamId;

public record Make(@StreamId String id) {
}
