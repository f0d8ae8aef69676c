package dev.allframe.docs.ids;

import java.nio.file.Path;
import java.util.List;

/**
 * A module whose messages the documentation checks, with its source trees as seen from the docs module.
 *
 * @param name the module's directory, which messages and ranges name it by
 */
record CheckedModule(String name) {

    /** allframe-cdi, allframe-jpa-store and allframe-test: the modules that declare messages. */
    static final List<CheckedModule> ALL = List.of(new CheckedModule("allframe-cdi"),
            new CheckedModule("allframe-jpa-store"), new CheckedModule("allframe-test"));

    /** The docs module's directory: where Maven runs its tests. */
    static Path docs() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The repository's root, above the modules. */
    static Path repository() {
        return docs().getParent();
    }

    static Path reference(String file) {
        return docs().resolve("reference").resolve(file);
    }

    Path mainSources() {
        return docs().resolveSibling(name).resolve("src/main/java");
    }

    Path testSources() {
        return docs().resolveSibling(name).resolve("src/test/java");
    }

    List<JavaSource> main() {
        return JavaSource.under(mainSources());
    }

    List<JavaSource> tests() {
        return JavaSource.under(testSources());
    }

    List<MessageDeclaration> declarations() {
        return main().stream().flatMap(source -> MessageDeclaration.in(name, source).stream()).toList();
    }

    /** Every message declared in the checked modules, in source order. */
    static List<MessageDeclaration> allDeclarations() {
        return ALL.stream().flatMap(module -> module.declarations().stream()).toList();
    }
}
