package dev.allframe.jpa.saga;

import dev.allframe.command.StreamId;

public record Cancel(@StreamId String shipment) {
}
