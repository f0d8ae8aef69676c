package dev.allframe.it.validation;

public record Registered(String username) {
}
