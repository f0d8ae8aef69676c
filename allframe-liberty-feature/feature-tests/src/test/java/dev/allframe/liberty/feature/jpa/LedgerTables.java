package dev.allframe.liberty.feature.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;

/** The events table as SQL sees it, through the application's persistence unit beside the event store. */
@ApplicationScoped
public class LedgerTables {

    @PersistenceContext(unitName = "ledger")
    EntityManager em;

    /** Version, type and payload of each stored event of the stream, in order. */
    public List<List<Object>> events(String streamId) {
        List<?> rows = em.createNativeQuery("SELECT stream_version, type_name, payload FROM allframe_events"
                + " WHERE stream_id = ?1 ORDER BY stream_version").setParameter(1, streamId).getResultList();
        return rows.stream().map(row -> Arrays.asList((Object[]) row))
                .map(row -> row.stream().map(value -> value instanceof Number n ? (Object) n.longValue() : value)
                        .toList())
                .toList();
    }
}
