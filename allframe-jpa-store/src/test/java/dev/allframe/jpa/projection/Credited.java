package dev.allframe.jpa.projection;

public record Credited(String account, int amount) {
}
