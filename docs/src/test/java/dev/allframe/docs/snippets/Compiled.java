package dev.allframe.docs.snippets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Classes compiled from blocks, loadable by a class loader of their own over the tests' class path. */
final class Compiled extends ClassLoader {

    private final Map<String, byte[]> classes;

    Compiled(Map<String, byte[]> classes) {
        super("snippets", Compiled.class.getClassLoader());
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Every class compiled, loaded. */
    List<Class<?>> all() {
        return classes.keySet().stream().sorted().<Class<?>>map(this::load).toList();
    }

    /** Writes every class file under {@code directory}, as a compiler would: for a JVM of its own to run them. */
    void writeTo(Path directory) throws IOException {
        for (Map.Entry<String, byte[]> compiled : classes.entrySet()) {
            Path file = directory.resolve(compiled.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, compiled.getValue());
        }
    }

    Class<?> load(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the pages define no class " + name, e);
        }
    }
}
