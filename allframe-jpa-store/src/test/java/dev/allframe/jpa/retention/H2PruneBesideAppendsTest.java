package dev.allframe.jpa.retention;

import dev.allframe.jpa.TestDatabase;

class H2PruneBesideAppendsTest extends PruneBesideAppendsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
