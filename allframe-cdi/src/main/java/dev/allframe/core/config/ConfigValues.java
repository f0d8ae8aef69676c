package dev.allframe.core.config;

import java.util.Optional;

/** Where configuration values come from: MicroProfile Config in a container, a map in tests. */
public interface ConfigValues {

    Optional<String> value(String key);

    /** Every key the source knows, so that misspelt {@code allframe.*} keys can be reported. */
    Iterable<String> keys();
}
