package dev.allframe.it.error;

import dev.allframe.StreamId;

public record Transfer(@StreamId String accountId) {
}
