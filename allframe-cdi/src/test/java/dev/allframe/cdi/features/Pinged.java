package dev.allframe.cdi.features;

public record Pinged(String id, String by) {
}
