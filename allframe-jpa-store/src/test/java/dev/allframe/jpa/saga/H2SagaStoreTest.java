package dev.allframe.jpa.saga;

import dev.allframe.jpa.TestDatabase;

class H2SagaStoreTest extends JpaSagaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
