package dev.allframe.jpa.retention;

import dev.allframe.jpa.TestDatabase;

class DerbyPruneBesideAppendsTest extends PruneBesideAppendsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.DERBY;
    }
}
