package dev.allframe.liberty.feature.flow;

public record Placed(String order, int amount) {
}
