package dev.allframe.jpa.projection;

import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;

@RequiresPostgres
class PostgresDeadLetterTest extends JpaDeadLetterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
