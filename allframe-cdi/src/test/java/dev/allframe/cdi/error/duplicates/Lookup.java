package dev.allframe.cdi.error.duplicates;

public record Lookup(String id) {
}
