package dev.allframe.cdi.error.projections;

public record Opened(String id) {
}
