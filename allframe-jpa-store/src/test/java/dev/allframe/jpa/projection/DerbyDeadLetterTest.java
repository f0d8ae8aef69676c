package dev.allframe.jpa.projection;

import dev.allframe.jpa.TestDatabase;

class DerbyDeadLetterTest extends JpaDeadLetterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.DERBY;
    }
}
