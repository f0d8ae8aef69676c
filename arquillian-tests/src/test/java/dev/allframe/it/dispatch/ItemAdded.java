package dev.allframe.it.dispatch;

public record ItemAdded(String cartId, String item) {
}
