package dev.allframe.test.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes of a package and its subpackages in every class path entry that has them: the application's classes
 * and its test classes alike (Weld's own package scan reads only the entry of the class it is given). Weld then keeps
 * those with a bean-defining annotation, as a WAR's annotated discovery does.
 */
public final class PackageScan {

    private PackageScan() {
    }

    public static List<Class<?>> classes(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            for (URL root : Collections.list(roots)) {
                if (root.getProtocol().equals("file")) {
                    fromDirectory(Path.of(root.toURI()), packageName, names);
                } else if (root.getProtocol().equals("jar")) {
                    fromJar(root, path, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError unloadable) {
                // A class that cannot load cannot be a bean either; Weld skips it the same way.
            }
        }
        return classes;
    }

    private static void fromDirectory(Path directory, String packageName, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                        ".");
                names.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        }
    }

    private static void fromJar(URL root, String path, Set<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith(path + "/") && name.endsWith(".class"))
                    .forEach(name -> names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
    }
}
