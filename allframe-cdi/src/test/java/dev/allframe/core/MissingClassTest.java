package dev.allframe.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissingClassTest {

    @Test
    void theMissingClassIsFoundAmongTheCausesWithItsJar() {
        RuntimeException failure = new IllegalStateException("store failed",
                new NoClassDefFoundError("jakarta/transaction/Synchronization"));

        assertThat(MissingClass.describe(failure))
                .isEqualTo("class jakarta.transaction.Synchronization cannot be loaded"
                        + " (add jakarta.transaction:jakarta.transaction-api)");
        assertThat(MissingClass.describe(new ClassNotFoundException("org.example.Gone")))
                .isEqualTo("class org.example.Gone cannot be loaded");
    }

    @Test
    void aClassWhoseInitializerFailedIsNotMissing() {
        NoClassDefFoundError failure = new NoClassDefFoundError("Could not initialize class org.example.Broken");

        assertThat(MissingClass.in(failure)).isEmpty();
        assertThat(MissingClass.describe(failure))
                .isEqualTo("java.lang.NoClassDefFoundError: Could not initialize class org.example.Broken");
    }
}
