package dev.allframe.it.discovery;

public record Pinged(String channel) {
}
