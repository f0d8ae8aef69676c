package dev.allframe.it.jpa;

import dev.allframe.command.StreamId;

/** Goods of one article leave the warehouse, if it has that many. */
public record Ship(@StreamId String sku, int quantity) {
}
