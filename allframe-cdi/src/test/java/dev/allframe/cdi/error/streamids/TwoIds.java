package dev.allframe.cdi.error.streamids;

import dev.allframe.command.StreamId;

public record TwoIds(@StreamId String accountId, @StreamId String otherId) {
}
