package dev.allframe.it.jpa;

public record Shipped(String sku, int quantity) {
}
