package dev.allframe.jpa.saga;

public record Released(String account, int amount) {
}
