package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.spi.snapshot.Snapshot;
import dev.allframe.spi.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of aggregate state: none for a stream never snapshotted, a saved one loads back equal, a newer one
 * replaces it and an older one does not, and a snapshot is only given back for the state class and shape it was
 * written with. Every snapshot store must pass it with the plain record state it saves here; a store may still
 * refuse states it cannot keep faithfully, which the SPI allows.
 *
 * <p>A store runs the suite by extending this class and returning a new store holding no snapshots from
 * {@link #createSnapshotStore()}.
 */
public abstract class SnapshotStoreConformanceTest {

    private static final String SHAPE = "ConformanceState:1";

    /** The store under test, new for each test. */
    protected SnapshotStore snapshots;

    /** Returns a new store holding no snapshots. */
    protected abstract SnapshotStore createSnapshotStore();

    /** Releases a store made by {@link #createSnapshotStore()}; does nothing by default. */
    protected void closeSnapshotStore(SnapshotStore store) {
    }

    @BeforeEach
    final void openSnapshotStore() {
        snapshots = requireNonNull(createSnapshotStore(), "createSnapshotStore() returned null");
    }

    @AfterEach
    final void closeSnapshotStoreUnderTest() {
        if (snapshots != null) {
            closeSnapshotStore(snapshots);
        }
    }

    @Test
    void aStreamNeverSnapshottedHasNoSnapshot() {
        snapshots.saveSnapshot(snapshot("other", 3, 30));

        assertThat(snapshots.loadSnapshot("never", ConformanceState.class, SHAPE)).isEmpty();
    }

    @Test
    void aSavedSnapshotLoadsBackEqual() {
        Snapshot saved = snapshot("account-1", 7, 1250);

        snapshots.saveSnapshot(saved);

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, SHAPE)).contains(saved);
    }

    @Test
    void aNewerSnapshotReplacesTheKeptOne() {
        snapshots.saveSnapshot(snapshot("account-1", 4, 40));
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, SHAPE))
                .contains(snapshot("account-1", 9, 90));
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));
        snapshots.saveSnapshot(snapshot("account-1", 4, 40));

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, SHAPE))
                .contains(snapshot("account-1", 9, 90));
    }

    @Test
    void aSnapshotAtTheKeptVersionReplacesIt() {
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));
        Snapshot newShape = new Snapshot("account-1", 9, "ConformanceState:2", new ConformanceState("account-1", 90));

        snapshots.saveSnapshot(newShape);

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, "ConformanceState:2")).contains(newShape);
        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, SHAPE)).isEmpty();
    }

    @Test
    void snapshotsAreKeptPerStream() {
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));
        snapshots.saveSnapshot(snapshot("account-2", 2, 20));

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, SHAPE))
                .contains(snapshot("account-1", 9, 90));
        assertThat(snapshots.loadSnapshot("account-2", ConformanceState.class, SHAPE))
                .contains(snapshot("account-2", 2, 20));
    }

    @Test
    void aSnapshotWrittenForAnotherShapeOfTheStateClassIsNotGivenBack() {
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));

        assertThat(snapshots.loadSnapshot("account-1", ConformanceState.class, "ConformanceState:2")).isEmpty();
    }

    @Test
    void aSnapshotIsNotGivenBackAsAnotherStateClass() {
        snapshots.saveSnapshot(snapshot("account-1", 9, 90));

        assertThat(snapshots.loadSnapshot("account-1", ConformanceEvent.class, SHAPE)).isEmpty();
    }

    private static Snapshot snapshot(String streamId, long version, long total) {
        return new Snapshot(streamId, version, SHAPE, new ConformanceState(streamId, total));
    }
}
