package dev.allframe.cdi.features.sagas;

import dev.allframe.command.StreamId;

public record Post(@StreamId String account, int amount) {
}
