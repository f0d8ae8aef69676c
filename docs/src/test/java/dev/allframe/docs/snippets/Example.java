package dev.allframe.docs.snippets;

import dev.allframe.cdi.AllFrameExtension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * An application the pages show, ready to run: its compiled classes and the files its blocks marked
 * {@code file: <path>, of: <example>} are, written where a class loader finds them as resources.
 */
final class Example {

    private final Compiled classes;
    private final Path resources;

    private Example(Compiled classes, Path resources) {
        this.classes = classes;
        this.resources = resources;
    }

    /**
     * @param unit  the unit whose classes make the application
     * @param files the name the file blocks give with {@code of:}, or {@code null} for none
     */
    static Example of(String unit, String files, Path directory) throws IOException {
        List<Block> blocks = Pages.blocks();
        List<Unit> units = Unit.of(blocks);
        Compiled classes = SnippetCompiler.compile(Unit.named(units, unit).sources(units));
        if (files != null) {
            List<Block> marked = blocks.stream().filter(block -> block.mark("of").filter(files::equals).isPresent())
                    .toList();
            if (marked.isEmpty()) {
                throw new AssertionError("no block of the pages is a file of '" + files + "'");
            }
            for (Block block : marked) {
                Path file = directory.resolve(block.mark("file").orElseThrow(
                        () -> new AssertionError(block.site() + ": 'of' without 'file'")));
                Files.createDirectories(file.getParent());
                Files.writeString(file, block.text());
            }
        }
        return new Example(classes, directory);
    }

    Compiled classes() {
        return classes;
    }

    /** The directory of the example's files with its classes written beside them: a class path entry of its own. */
    Path classPathEntry() throws IOException {
        classes.writeTo(resources);
        return resources;
    }

    /** A CDI container with AllFrame and every class of the example, as strict as Liberty's. */
    WeldContainer start() {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .property("org.jboss.weld.construction.relaxed", false)
                .addExtension(new AllFrameExtension())
                .addBeanClasses(classes.all().toArray(Class<?>[]::new))
                .initialize();
    }

    /**
     * Runs {@code action} with the example as the thread's context class loader, as a server runs an application:
     * its configuration (MicroProfile Config reads its {@code META-INF/microprofile-config.properties}) and its
     * persistence units are the example's own.
     */
    <T> T run(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {resources.toUri().toURL()}, classes)) {
            thread.setContextClassLoader(application);
            try {
                return action.call();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig(application));
                thread.setContextClassLoader(previous);
            }
        }
    }
}
