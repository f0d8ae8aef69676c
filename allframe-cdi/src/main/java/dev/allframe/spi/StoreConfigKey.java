package dev.allframe.spi;

import static java.util.Objects.requireNonNull;

/**
 * A configuration key a store reads, with its default. AllFrame accepts the keys of every store on the class
 * path under {@code allframe.*} and reports any other {@code allframe.*} key as a deployment problem.
 *
 * @param key          the whole key, e.g. {@code allframe.jpa.create-schema}
 * @param defaultValue the value when the key is not set; empty when there is none
 */
public record StoreConfigKey(String key, String defaultValue) {

    public StoreConfigKey {
        requireNonNull(key, "key");
        requireNonNull(defaultValue, "defaultValue");
        if (!key.startsWith("allframe.")) {
            throw new IllegalArgumentException("an AllFrame configuration key starts with allframe.: " + key);
        }
    }
}
