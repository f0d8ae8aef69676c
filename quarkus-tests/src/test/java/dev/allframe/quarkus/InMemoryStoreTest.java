package dev.allframe.quarkus;

import io.quarkus.test.junit.QuarkusTest;

/** The library on AllFrame's in-memory store. */
@QuarkusTest
class InMemoryStoreTest extends LibraryContract {
}
