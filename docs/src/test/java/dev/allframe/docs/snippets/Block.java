package dev.allframe.docs.snippets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One fenced block of a page.
 *
 * @param page     the page, relative to the project's root
 * @param line     the line of the page the block's first line of content is on
 * @param language what follows the opening fence ({@code java}, {@code xml}, ...)
 * @param marks    the marks of the HTML comment right above the block: {@code <!-- unit: bank, with: other -->}
 */
record Block(Path page, int line, String language, String text, Map<String, String> marks) {

    Block {
        marks = Map.copyOf(marks);
    }

    Optional<String> mark(String name) {
        return Optional.ofNullable(marks.get(name));
    }

    /** Where the block is, for messages: {@code docs/guide/sagas.md:42}. */
    String site() {
        return page.toString().replace('\\', '/') + ":" + line;
    }
}
