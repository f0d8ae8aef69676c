package dev.allframe.cdi.error.boundaries;

import dev.allframe.command.StreamId;
import dev.allframe.event.Tag;

public record Enrol(@StreamId @Tag("student") String studentId, @Tag("course") String courseId) {
}
