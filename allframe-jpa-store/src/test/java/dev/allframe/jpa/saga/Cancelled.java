package dev.allframe.jpa.saga;

public record Cancelled(String shipment) {
}
