package dev.allframe.cdi.error.typed;

public record Hello(String name) {
}
