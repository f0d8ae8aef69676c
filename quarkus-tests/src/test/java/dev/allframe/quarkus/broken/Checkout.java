package dev.allframe.quarkus.broken;

import dev.allframe.command.StreamId;

public record Checkout(@StreamId String cartId) {}
