package dev.allframe.it.projections;

public record Noted(String board, String text) {
}
