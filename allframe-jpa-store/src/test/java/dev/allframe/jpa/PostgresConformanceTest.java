package dev.allframe.jpa;

import dev.allframe.jpa.PostgresCondition.RequiresPostgres;

/** The whole store conformance suite on PostgreSQL. */
@RequiresPostgres
class PostgresConformanceTest extends JpaConformanceSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
