package dev.allframe.sample.bank.rest;

/** The body of {@code POST /accounts}: {@code {"id": "A-1", "owner": "Ada"}}. */
public record OpenAccountRequest(String id, String owner) {
}
