package dev.allframe.it.dispatch;

import dev.allframe.command.StreamId;

public record AddItem(@StreamId String cartId, String item) {
}
