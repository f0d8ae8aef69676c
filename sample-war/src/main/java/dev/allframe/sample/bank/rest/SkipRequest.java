package dev.allframe.sample.bank.rest;

/** The body of an operator's skip: who skips the event and why. */
public record SkipRequest(String operator, String reason) {
}
