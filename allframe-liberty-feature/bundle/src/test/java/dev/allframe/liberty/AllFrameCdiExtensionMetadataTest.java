package dev.allframe.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.Handlers;
import dev.allframe.cdi.AllFrameExtension;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Scope;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AllFrameCdiExtensionMetadataTest {

    private final AllFrameCdiExtensionMetadata metadata = new AllFrameCdiExtensionMetadata();

    @Test
    void registersTheExtension() {
        assertThat(metadata.getExtensions()).containsExactly(AllFrameExtension.class);
    }

    @Test
    void registersNoBeanClasses() {
        assertThat(metadata.getBeanClasses()).isEmpty();
    }

    @Test
    void makesHandlersBeanDefining() {
        assertThat(metadata.getBeanDefiningAnnotationClasses()).contains(Handlers.class);
    }

    /** A bean-defining annotation added to the API but not to the list would leave users' beans undiscovered. */
    @Test
    void listsEveryBeanDefiningAnnotationOfTheApi() throws Exception {
        List<Class<?>> beanDefining = apiClasses().stream()
                .filter(Class::isAnnotation)
                .filter(type -> type.isAnnotationPresent(Stereotype.class) || type.isAnnotationPresent(NormalScope.class)
                        || type.isAnnotationPresent(Scope.class))
                .toList();

        assertThat(beanDefining).isNotEmpty();
        assertThat(metadata.getBeanDefiningAnnotationClasses())
                .containsExactlyInAnyOrderElementsOf(beanDefining.stream().map(AllFrameCdiExtensionMetadataTest::annotation).toList());
    }

    private static Class<? extends Annotation> annotation(Class<?> type) {
        return type.asSubclass(Annotation.class);
    }

    /** The API's packages: {@code dev.allframe} and one package per feature. */
    private static final List<String> API_PACKAGES = List.of("", "command", "query", "projection", "saga", "event");

    /** The top-level classes of the API packages, read from wherever the API was loaded from. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException {
        URL handlers = Handlers.class.getResource("Handlers.class");
        if ("jar".equals(handlers.getProtocol())) {
            try (FileSystem jar = FileSystems.newFileSystem(handlers.toURI(), Map.of())) {
                return classesIn(jar.getPath("/dev/allframe"));
            }
        }
        return classesIn(Path.of(handlers.toURI()).getParent());
    }

    private static List<Class<?>> classesIn(Path root) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        for (String feature : API_PACKAGES) {
            String packageName = feature.isEmpty() ? "dev.allframe" : "dev.allframe." + feature;
            try (Stream<Path> files = Files.list(feature.isEmpty() ? root : root.resolve(feature))) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                        .map(name -> load(packageName + "." + name.substring(0, name.length() - ".class".length())))
                        .forEach(classes::add);
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AllFrameCdiExtensionMetadataTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
