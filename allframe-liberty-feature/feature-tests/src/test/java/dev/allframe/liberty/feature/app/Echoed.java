package dev.allframe.liberty.feature.app;

public record Echoed(String channel, String text) {
}
