package dev.allframe.cdi.features.sagas;

public record Posted(String account, int amount) {
}
