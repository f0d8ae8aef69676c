package dev.allframe.liberty.feature.app;

public record Pinged(String target, int count) {
}
