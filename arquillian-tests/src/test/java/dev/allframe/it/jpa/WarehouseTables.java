package dev.allframe.it.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;

/** The tables as SQL sees them, through the application's persistence unit and beside the event store. */
@ApplicationScoped
public class WarehouseTables {

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Transactional
    public void createNotesTable() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS warehouse_notes (sku VARCHAR(200), note VARCHAR(200))")
                .executeUpdate();
    }

    /** Version, type and payload of each stored event of the stream, in order. */
    public List<List<Object>> events(String streamId) {
        return rows("SELECT stream_version, type_name, payload FROM allframe_events WHERE stream_id = ?1"
                + " ORDER BY stream_version", streamId);
    }

    /** Version, state type and payload of the stream's snapshot, if it has one. */
    public List<List<Object>> snapshots(String streamId) {
        return rows("SELECT stream_version, state_type, payload FROM allframe_snapshots WHERE stream_id = ?1",
                streamId);
    }

    /** How many events of the type the whole log holds. */
    public long count(String typeName) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM allframe_events WHERE type_name = ?1")
                .setParameter(1, typeName).getSingleResult()).longValue();
    }

    public List<List<Object>> notes(String sku) {
        return rows("SELECT sku, note FROM warehouse_notes WHERE sku = ?1", sku);
    }

    @Transactional
    public void overwriteSnapshot(String streamId, String payload) {
        em.createNativeQuery("UPDATE allframe_snapshots SET payload = ?1 WHERE stream_id = ?2")
                .setParameter(1, payload).setParameter(2, streamId).executeUpdate();
    }

    private List<List<Object>> rows(String sql, String parameter) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns ? Arrays.asList(columns) : List.of(row))
                .map(row -> row.stream().map(WarehouseTables::plain).toList())
                .toList();
    }

    /** Numbers as {@code long}, whatever width the database reports. */
    private static Object plain(Object value) {
        return value instanceof Number number ? (Object) number.longValue() : value;
    }
}
