package dev.allframe.benchmarks;

import java.util.List;

/** The rows of the report: which benchmark method measures which workload for which contender. */
final class Workloads {

    /**
     * @param key       {@code SimpleClassName.method}
     * @param workload  what is measured
     * @param contender who does it
     */
    record Row(String key, String workload, String contender) {
    }

    static final String DISPATCH = "Dispatch, no-op handler";
    static final String CYCLE = "Command cycle in memory (fold, handle, append)";
    static final String APPEND = "Append of one event in memory";
    static final String PG_ONE = "PostgreSQL append, 1 event per transaction";
    static final String PG_HUNDRED = "PostgreSQL append, 100 events per transaction";
    static final String PG_CYCLE_ONE = "PostgreSQL command cycle, 1 client";
    static final String PG_CYCLE_EIGHT = "PostgreSQL command cycle, 8 clients";
    static final String SAGA = "2-step saga in memory, started and awaited";
    static final String SAGAS_EIGHT = "2-step sagas in memory, 8 clients";
    static final String CATCH_UP = "Async projection catch-up, 100,000 events";
    static final String PG_SAGA = "PostgreSQL 2-step saga, 1 client";
    static final String PG_DCB_ONE = "PostgreSQL append of one tagged event, 1 client";
    static final String PG_DCB_EIGHT = "PostgreSQL append of one tagged event, 8 clients";
    static final String PG_LONG_TX = "PostgreSQL command in a transaction doing 5 ms more work, 8 clients";

    static final List<Row> ROWS = List.of(
            new Row("DispatchBenchmark.allFrame", DISPATCH, "AllFrame CommandBus"),
            new Row("DispatchBenchmark.allFrameTracedNoop", DISPATCH,
                    "AllFrame CommandBus, OpenTelemetry API present, no-op"),
            new Row("DispatchBenchmark.allFrameTraced", DISPATCH,
                    "AllFrame CommandBus, OpenTelemetry SDK recording every span"),
            new Row("DispatchBenchmark.axon", DISPATCH, "Axon SimpleCommandBus"),
            new Row("DispatchBenchmark.hashMap", DISPATCH, "HashMap<Class, Consumer>"),
            new Row("CommandCycleBenchmark.allFrame", CYCLE, "AllFrame"),
            new Row("CommandCycleBenchmark.axon", CYCLE, "Axon, aggregate cache"),
            new Row("InMemoryAppendBenchmark.allFrame", APPEND, "AllFrame InMemoryEventStore"),
            new Row("InMemoryAppendBenchmark.axon", APPEND, "Axon InMemoryEventStorageEngine"),
            new Row("SagaBenchmark.allFrame", SAGA, "AllFrame SagaEngine, in-memory saga store"),
            new Row("SagaBenchmark.byHand", SAGA, "two CompletableFuture stages, no log, no timeout"),
            new Row("SagaThroughputBenchmark.allFrame", SAGAS_EIGHT, "AllFrame SagaEngine, in-memory saga store"),
            new Row("SagaThroughputBenchmark.byHand", SAGAS_EIGHT, "two CompletableFuture stages, no log, no timeout"),
            new Row("PostgresAppendBenchmark.allFrame1", PG_ONE, "AllFrame JPA store"),
            new Row("PostgresAppendBenchmark.axonDefault1", PG_ONE, "Axon JPA, default mapping"),
            new Row("PostgresAppendBenchmark.axonTuned1", PG_ONE, "Axon JPA, tuned"),
            new Row("PostgresAppendBenchmark.raw1", PG_ONE, "raw JDBC, autocommit"),
            new Row("PostgresAppendBenchmark.allFrame100", PG_HUNDRED, "AllFrame JPA store"),
            new Row("PostgresAppendBenchmark.axonDefault100", PG_HUNDRED, "Axon JPA, default mapping"),
            new Row("PostgresAppendBenchmark.axonTuned100", PG_HUNDRED, "Axon JPA, tuned"),
            new Row("PostgresAppendBenchmark.raw100", PG_HUNDRED, "raw JDBC, batched"),
            new Row("PostgresCommandCycleBenchmark.allFrame1", PG_CYCLE_ONE, "AllFrame JPA store"),
            new Row("PostgresCommandCycleBenchmark.axon1", PG_CYCLE_ONE, "Axon JPA, tuned, no cache"),
            new Row("PostgresCommandCycleBenchmark.raw1", PG_CYCLE_ONE, "raw JDBC"),
            new Row("PostgresCommandCycleBenchmark.allFrame8", PG_CYCLE_EIGHT, "AllFrame JPA store"),
            new Row("PostgresCommandCycleBenchmark.axon8", PG_CYCLE_EIGHT, "Axon JPA, tuned, no cache"),
            new Row("PostgresCommandCycleBenchmark.raw8", PG_CYCLE_EIGHT, "raw JDBC"),
            new Row("ProjectionCatchUpBenchmark.allFrame", CATCH_UP, "AllFrame ProjectionEngine on the JPA store"),
            new Row("ProjectionCatchUpBenchmark.rawJdbc", CATCH_UP, "raw JDBC scan, same pages"),
            new Row("PostgresSagaBenchmark.allFrame", PG_SAGA, "AllFrame SagaEngine, JPA saga store"),
            new Row("PostgresSagaBenchmark.rawJdbc", PG_SAGA, "raw JDBC, the same log in four commits"),
            new Row("PostgresBoundaryBenchmark.conditionalAppend1", PG_DCB_ONE,
                    "AllFrame, conditioned on one type and one tag"),
            new Row("PostgresBoundaryBenchmark.decision1", PG_DCB_ONE,
                    "AllFrame, events of a course or a student read, then appended conditioned on them"),
            new Row("PostgresBoundaryBenchmark.streamAppend1", PG_DCB_ONE,
                    "AllFrame, untagged, conditioned on the stream's version"),
            new Row("PostgresBoundaryBenchmark.raw1", PG_DCB_ONE, "raw JDBC, autocommit, no condition"),
            new Row("PostgresBoundaryBenchmark.conditionalAppend8", PG_DCB_EIGHT,
                    "AllFrame, conditioned on one type and one tag"),
            new Row("PostgresBoundaryBenchmark.decision8", PG_DCB_EIGHT,
                    "AllFrame, events of a course or a student read, then appended conditioned on them"),
            new Row("PostgresBoundaryBenchmark.streamAppend8", PG_DCB_EIGHT,
                    "AllFrame, untagged, conditioned on the stream's version"),
            new Row("PostgresBoundaryBenchmark.raw8", PG_DCB_EIGHT, "raw JDBC, autocommit, no condition"),
            new Row("PostgresLongTransactionBenchmark.allFrame8", PG_LONG_TX, "AllFrame JPA store"),
            new Row("PostgresLongTransactionBenchmark.raw8", PG_LONG_TX, "raw JDBC, plain inserts"));

    /**
     * A comparison against a target.
     *
     * @param ours   key of AllFrame's row
     * @param theirs key of the row compared with
     * @param target the target, as text; empty when there is none
     */
    record Ratio(String what, String ours, String theirs, double minimum, String target) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("dispatch: AllFrame / Axon", "DispatchBenchmark.allFrame", "DispatchBenchmark.axon", 0, ""),
            new Ratio("dispatch: AllFrame / HashMap", "DispatchBenchmark.allFrame", "DispatchBenchmark.hashMap", 0, ""),
            new Ratio("dispatch: traced (SDK) / untraced", "DispatchBenchmark.allFrameTraced",
                    "DispatchBenchmark.allFrame", 0, ""),
            new Ratio("command cycle in memory: AllFrame / Axon", "CommandCycleBenchmark.allFrame",
                    "CommandCycleBenchmark.axon", 15, "≥ 15× faster than Axon"),
            new Ratio("append in memory: AllFrame / Axon", "InMemoryAppendBenchmark.allFrame",
                    "InMemoryAppendBenchmark.axon", 0, ""),
            new Ratio("2-step saga in memory: AllFrame / by hand", "SagaBenchmark.allFrame", "SagaBenchmark.byHand",
                    0, ""),
            new Ratio("2-step sagas in memory, 8 clients: AllFrame / by hand", "SagaThroughputBenchmark.allFrame",
                    "SagaThroughputBenchmark.byHand", 0, ""),
            new Ratio("PostgreSQL append ×1: AllFrame / raw JDBC", "PostgresAppendBenchmark.allFrame1",
                    "PostgresAppendBenchmark.raw1", 0.8, "≥ 0.8× raw"),
            new Ratio("PostgreSQL append ×1: AllFrame / Axon default", "PostgresAppendBenchmark.allFrame1",
                    "PostgresAppendBenchmark.axonDefault1", 0, ""),
            new Ratio("PostgreSQL append ×1: AllFrame / Axon tuned", "PostgresAppendBenchmark.allFrame1",
                    "PostgresAppendBenchmark.axonTuned1", 0, ""),
            new Ratio("PostgreSQL append ×100: AllFrame / raw JDBC", "PostgresAppendBenchmark.allFrame100",
                    "PostgresAppendBenchmark.raw100", 0.7, "≥ 0.7× raw"),
            new Ratio("PostgreSQL append ×100: AllFrame / Axon default", "PostgresAppendBenchmark.allFrame100",
                    "PostgresAppendBenchmark.axonDefault100", 0, ""),
            new Ratio("PostgreSQL append ×100: AllFrame / Axon tuned", "PostgresAppendBenchmark.allFrame100",
                    "PostgresAppendBenchmark.axonTuned100", 0, ""),
            new Ratio("PostgreSQL command cycle, 1 client: AllFrame / raw JDBC",
                    "PostgresCommandCycleBenchmark.allFrame1", "PostgresCommandCycleBenchmark.raw1", 0, ""),
            new Ratio("PostgreSQL command cycle, 1 client: AllFrame / Axon",
                    "PostgresCommandCycleBenchmark.allFrame1", "PostgresCommandCycleBenchmark.axon1", 0, ""),
            new Ratio("PostgreSQL command cycle, 8 clients: AllFrame / raw JDBC",
                    "PostgresCommandCycleBenchmark.allFrame8", "PostgresCommandCycleBenchmark.raw8", 0, ""),
            new Ratio("PostgreSQL command in a 5 ms longer transaction, 8 clients: AllFrame / raw JDBC",
                    "PostgresLongTransactionBenchmark.allFrame8", "PostgresLongTransactionBenchmark.raw8", 0.8,
                    "≥ 0.8× raw"),
            new Ratio("PostgreSQL command cycle, 8 clients: AllFrame / Axon",
                    "PostgresCommandCycleBenchmark.allFrame8", "PostgresCommandCycleBenchmark.axon8", 0, ""),
            new Ratio("projection catch-up: AllFrame / raw JDBC scan", "ProjectionCatchUpBenchmark.allFrame",
                    "ProjectionCatchUpBenchmark.rawJdbc", 0, ""),
            new Ratio("PostgreSQL 2-step saga: AllFrame / raw JDBC log", "PostgresSagaBenchmark.allFrame",
                    "PostgresSagaBenchmark.rawJdbc", 0, ""),
            new Ratio("PostgreSQL conditional append, 1 client: / stream append",
                    "PostgresBoundaryBenchmark.conditionalAppend1", "PostgresBoundaryBenchmark.streamAppend1", 0.8,
                    "≥ 0.8× our stream append"),
            new Ratio("PostgreSQL conditional append, 8 clients: / stream append",
                    "PostgresBoundaryBenchmark.conditionalAppend8", "PostgresBoundaryBenchmark.streamAppend8", 0.5,
                    "≥ 0.5× our stream append"),
            new Ratio("PostgreSQL conditional append, 1 client: / raw JDBC",
                    "PostgresBoundaryBenchmark.conditionalAppend1", "PostgresBoundaryBenchmark.raw1", 0, ""),
            new Ratio("PostgreSQL decision (a course or a student read, then append), 1 client: / stream append",
                    "PostgresBoundaryBenchmark.decision1", "PostgresBoundaryBenchmark.streamAppend1", 0, ""));

    private Workloads() {
    }
}
