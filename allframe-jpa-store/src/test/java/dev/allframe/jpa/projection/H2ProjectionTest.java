package dev.allframe.jpa.projection;

import dev.allframe.jpa.TestDatabase;

class H2ProjectionTest extends JpaProjectionContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
