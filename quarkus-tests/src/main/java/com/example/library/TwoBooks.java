package com.example.library;

/** The input of the saga lending two books to one reader: both or neither. */
public record TwoBooks(String first, String second, String reader) {}
