package dev.allframe.jpa.projection;

import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;

@RequiresPostgres
class PostgresProjectionTest extends JpaProjectionContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
