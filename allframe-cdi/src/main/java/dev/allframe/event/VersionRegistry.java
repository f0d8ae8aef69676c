package dev.allframe.event;

import java.util.List;
import java.util.Optional;

/** The application's event versions and the upcasters between them, as checked at deployment. */
public interface VersionRegistry {

    /** Every upcaster, by type name and version. */
    List<UpcasterInfo> upcasters();

    /** Every event type name with more than one version, and how its versions lead to the newest. */
    List<MigrationPath> paths();

    /** The migration path of one type name. */
    Optional<MigrationPath> path(String typeName);

    /** How an upcaster is written. */
    enum UpcasterKind {
        /** An {@link Upcaster} method of a bean. */
        METHOD,
        /** A constructor or static {@code from} method declared with {@link UpcastFrom}. */
        AUTOMATIC,
        /** A {@link JsonUpcaster} method. */
        JSON
    }

    /**
     * One upcaster.
     *
     * @param site the method or constructor that does it
     */
    record UpcasterInfo(String typeName, int fromVersion, int toVersion, UpcasterKind kind, String site) {
    }

    /**
     * The versions of one type name in the order events move through them, e.g. {@code [1, 2, 3]}; the
     * last is the newest.
     */
    record MigrationPath(String typeName, List<Integer> versions) {

        public int newest() {
            return versions.get(versions.size() - 1);
        }
    }
}
