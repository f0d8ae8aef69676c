package dev.allframe.jpa;

/** The whole store conformance suite on H2. */
class H2ConformanceTest extends JpaConformanceSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
