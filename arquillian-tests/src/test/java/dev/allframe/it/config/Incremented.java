package dev.allframe.it.config;

public record Incremented(String counterId) {
}
