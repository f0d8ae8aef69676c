package dev.allframe.it.jpa;

public record Received(String sku, int quantity) {
}
