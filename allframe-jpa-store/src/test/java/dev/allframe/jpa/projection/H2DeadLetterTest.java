package dev.allframe.jpa.projection;

import dev.allframe.jpa.TestDatabase;

class H2DeadLetterTest extends JpaDeadLetterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
