package dev.allframe.jpa.cdi;

import dev.allframe.EventEnvelope;
import dev.allframe.jpa.StoreTransaction;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ReadModel;

/** A read model in the database, one row per wallet event, keyed by the event id. */
@Projection(value = "wallet-history", readModel = ReadModel.STORED)
public class WalletHistory {

    @EventHandler
    void on(WalletEvent event, EventEnvelope envelope) {
        long cents = event instanceof Deposited d ? d.cents() : -((Spent) event).cents();
        StoreTransaction.entityManager()
                .createNativeQuery("INSERT INTO wallet_history (event_id, wallet, cents) VALUES (?, ?, ?)")
                .setParameter(1, envelope.eventId().toString()).setParameter(2, envelope.streamId())
                .setParameter(3, cents).executeUpdate();
    }

    void reset() {
        StoreTransaction.entityManager().createNativeQuery("DELETE FROM wallet_history").executeUpdate();
    }
}
