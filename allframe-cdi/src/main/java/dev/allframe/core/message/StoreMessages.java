package dev.allframe.core.message;

import static dev.allframe.core.message.Texts.list;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;

/** The store AllFrame uses, the roles it offers, and the providers that make it. */
public final class StoreMessages {

    static final MessageTemplate AF1079 = new MessageTemplate("AF1079",
            "An event store provider on the class path cannot be loaded (%s): %s");
    static final MessageTemplate AF1080 = new MessageTemplate("AF1080",
            "Cannot create %s: %s");
    static final MessageTemplate AF1177 = new MessageTemplate("AF1177",
            "The %s event store cannot give stored events other tags: its events carry the tags their classes gave"
            + " them when they were appended");
    static final MessageTemplate AF1206 = new MessageTemplate("AF1206",
            "Tags backfilled: read %s events up to position %s and gave %s of them the tags their classes give them now");
    static final MessageTemplate AF1155 = new MessageTemplate("AF1155",
            "The application defines an EventStore bean, but no single one resolves for AllFrame's buses");
    static final MessageTemplate AF1156 = new MessageTemplate("AF1156",
            "Sagas %s need a saga store, but %s keeps no sagas: use a store that does (jpa), or define a"
            + " SagaStore bean beside the application's EventStore bean");
    static final MessageTemplate AF1157 = new MessageTemplate("AF1157",
            "Async projections %s keep their read models outside memory (readModel = STORED) and so their"
            + " positions in the store, but %s keeps no checkpoints: use a store that does (jpa), define a"
            + " CheckpointStore bean beside the application's EventStore bean, or keep their read models in memory");
    static final MessageTemplate AF1158 = new MessageTemplate("AF1158",
            "allframe.snapshot.every is %s, but %s keeps no snapshots: aggregate states are folded from the"
            + " streams' first events");

    private StoreMessages() {
    }

    public static AllFrameMessage providerNotLoadable(String failure, String cause) {
        return AF1079.with(failure, cause);
    }

    public static AllFrameMessage storeNotCreatable(String store, String cause) {
        return AF1080.with(store, cause);
    }

    public static AllFrameMessage applicationEventStoreUnresolvable() {
        return AF1155.with();
    }

    public static AllFrameMessage noSagaStore(Collection<String> sagas, String store) {
        return AF1156.with(list(sagas), store);
    }

    public static AllFrameMessage noCheckpointStore(Collection<String> projections, String store) {
        return AF1157.with(list(projections), store);
    }

    public static AllFrameMessage noSnapshots(int snapshotEvery, String store) {
        return AF1158.with(snapshotEvery, store);
    }

    public static AllFrameMessage cannotRetag(String store) {
        return AF1177.with(store);
    }

    public static AllFrameMessage retagged(long read, long readTo, long retagged) {
        return AF1206.with(read, readTo, retagged);
    }
}
