package dev.allframe.cdi.error.streamids;

import dev.allframe.StreamId;

public record TwoIds(@StreamId String accountId, @StreamId String otherId) {
}
