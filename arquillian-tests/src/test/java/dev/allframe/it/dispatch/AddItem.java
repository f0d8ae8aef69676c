package dev.allframe.it.dispatch;

import dev.allframe.StreamId;

public record AddItem(@StreamId String cartId, String item) {
}
