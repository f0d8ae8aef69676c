package dev.allframe.jpa.saga;

import dev.allframe.StreamId;

public record Hold(@StreamId String account, int amount) {
}
