package dev.allframe.cdi.error.boundaries;

import dev.allframe.event.Tag;

public record Enrolled(@Tag("course") String courseId) {
}
