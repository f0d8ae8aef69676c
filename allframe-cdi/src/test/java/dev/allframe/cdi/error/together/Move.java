package dev.allframe.cdi.error.together;

public record Move(String id) {
}
