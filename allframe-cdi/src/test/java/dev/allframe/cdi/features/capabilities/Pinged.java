package dev.allframe.cdi.features.capabilities;

public record Pinged(String id) {
}
