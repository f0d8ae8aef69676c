package dev.allframe.jpa.saga;

import dev.allframe.StreamId;

public record Cancel(@StreamId String shipment) {
}
