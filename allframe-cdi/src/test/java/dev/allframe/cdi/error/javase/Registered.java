package dev.allframe.cdi.error.javase;

public record Registered(String id) {
}
