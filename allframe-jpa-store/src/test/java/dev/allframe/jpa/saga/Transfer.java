package dev.allframe.jpa.saga;

public record Transfer(String from, String to, int amount) {
}
