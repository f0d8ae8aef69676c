package dev.allframe.jpa.internal;

import dev.allframe.AllFrameMessage;
import java.util.List;

/**
 * The libraries the JPA store cannot work without, each found by one class of it. A Jakarta EE server has them; a
 * Java SE application has them as jars, and a missing one is said at deployment with the jar to add, rather than
 * as a {@link NoClassDefFoundError} of the store or of Hibernate ORM once the store is made.
 */
public final class RequiredLibraries {

    /**
     * One library.
     *
     * @param name      how messages name it
     * @param className a class of it whose loading needs no other library
     * @param artifact  the Maven coordinates of its jar
     */
    record Library(String name, String className, String artifact) {
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("Jakarta Persistence", "jakarta.persistence.EntityManagerFactory",
                    "jakarta.persistence:jakarta.persistence-api"),
            new Library("Jakarta Transactions (Hibernate ORM uses them with resource-local units too)",
                    "jakarta.transaction.Synchronization", "jakarta.transaction:jakarta.transaction-api"),
            new Library("Hibernate ORM", "org.hibernate.Version", "org.hibernate.orm:hibernate-core"));

    private RequiredLibraries() {
    }

    /** A problem for each library whose class {@code loader} cannot load. */
    public static List<AllFrameMessage> missing(ClassLoader loader) {
        return LIBRARIES.stream().filter(library -> !loadable(library.className(), loader))
                .map(library -> JpaStoreMessages.missingLibrary(library.name(), library.className(), library.artifact()))
                .toList();
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
