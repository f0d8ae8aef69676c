package com.example.library;

public sealed interface LibraryEvent {
    record Registered(String isbn, String title) implements LibraryEvent {}
    record Lent(String isbn, String reader) implements LibraryEvent {}
    record Returned(String isbn, String reader) implements LibraryEvent {}
}
