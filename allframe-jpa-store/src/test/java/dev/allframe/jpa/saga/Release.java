package dev.allframe.jpa.saga;

import dev.allframe.StreamId;

public record Release(@StreamId String account, int amount) {
}
