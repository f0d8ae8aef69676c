package dev.allframe.cdi.features.projections;

public record Pinged(String id, String text) {
}
