package dev.allframe.cdi.error.config;

public record Tick() {
}
