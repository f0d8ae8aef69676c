package dev.allframe.jpa.saga;

import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;

@RequiresPostgres
class PostgresSagaStoreTest extends JpaSagaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
