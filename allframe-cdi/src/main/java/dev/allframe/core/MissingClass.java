package dev.allframe.core;

import dev.allframe.AllFrameMessage;
import java.util.Map;
import java.util.Optional;

/**
 * A class the class path lacks, as a {@link LinkageError} or {@link ClassNotFoundException} among a failure's causes
 * names it, and the jar known to hold it: a missing jar is then said as such rather than as a stack trace.
 *
 * @param className the class's binary name, {@code jakarta.persistence.EntityManagerFactory}
 */
public record MissingClass(String className) {

    /** How a {@link NoClassDefFoundError} begins for a class that is there but whose initializer failed. */
    private static final String NOT_INITIALIZED = "Could not initialize class ";

    /** Where the Jakarta APIs AllFrame uses come from, by package. */
    private static final Map<String, String> ARTIFACTS = Map.of(
            "jakarta.persistence.", "jakarta.persistence:jakarta.persistence-api",
            "jakarta.transaction.", "jakarta.transaction:jakarta.transaction-api",
            "jakarta.validation.", "jakarta.validation:jakarta.validation-api",
            "jakarta.el.", "jakarta.el:jakarta.el-api");

    /** The first class among {@code failure} and its causes that could not be loaded, if any. */
    public static Optional<MissingClass> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            if (t instanceof ClassNotFoundException) {
                return Optional.of(new MissingClass(message.trim()));
            }
            if (t instanceof NoClassDefFoundError && !message.startsWith(NOT_INITIALIZED)) {
                return Optional.of(new MissingClass(message.trim().replace('/', '.')));
            }
        }
        return Optional.empty();
    }

    /** The Maven coordinates ({@code groupId:artifactId}) of the jar that holds the class, when known. */
    public Optional<String> artifact() {
        return ARTIFACTS.entrySet().stream().filter(e -> className.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    /** {@code class X cannot be loaded}. */
    public String cannotBeLoaded() {
        return "class " + className + " cannot be loaded";
    }

    /** {@code class X cannot be loaded}, and the jar to add when known: {@code (add group:artifact)}. */
    public String describe() {
        return cannotBeLoaded() + artifact().map(a -> " (add " + a + ")").orElse("");
    }

    /** The missing class in {@code failure}'s causes, else how messages name any cause: its class and message. */
    public static String describe(Throwable failure) {
        return in(failure).map(MissingClass::describe).orElseGet(() -> AllFrameMessage.describe(failure));
    }
}
