package dev.allframe.jpa.saga;

import dev.allframe.jpa.TestDatabase;

class DerbySagaStoreTest extends JpaSagaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.DERBY;
    }
}
