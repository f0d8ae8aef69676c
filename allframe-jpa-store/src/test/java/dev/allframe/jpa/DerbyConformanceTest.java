package dev.allframe.jpa;

/** The whole store conformance suite on Derby. */
class DerbyConformanceTest extends JpaConformanceSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.DERBY;
    }
}
