package dev.allframe.it.jpa;

import dev.allframe.command.StreamId;

/** Goods of one article arrive at the warehouse. */
public record Receive(@StreamId String sku, int quantity) {
}
