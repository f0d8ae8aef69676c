package dev.allframe.jpa.saga;

public record Held(String account, int amount) {
}
