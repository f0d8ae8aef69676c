package dev.allframe.jpa;

import dev.allframe.event.Tag;

/** A seat in a course, its class now tagging it by course and by student. */
public record TaggedSeat(@Tag("course") String course, @Tag("student") String student) {
}
