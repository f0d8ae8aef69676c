package dev.allframe.it.sagas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The saga tables as SQL sees them, through the application's persistence unit. */
@ApplicationScoped
public class SagaTables {

    @PersistenceContext(unitName = "sagas")
    EntityManager em;

    /** Name, state, current step and failed step of the saga's row. */
    public List<List<Object>> saga(UUID sagaId) {
        return rows("SELECT saga_name, saga_state, current_step, failed_step FROM allframe_sagas WHERE saga_id = ?1",
                sagaId);
    }

    /** Step, action and result of each of the saga's history rows, in order. */
    public List<List<Object>> steps(UUID sagaId) {
        return rows("SELECT step, step_action, step_result FROM allframe_saga_steps WHERE saga_id = ?1"
                + " ORDER BY entry_number", sagaId);
    }

    private List<List<Object>> rows(String sql, UUID sagaId) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, sagaId.toString()).getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns ? Arrays.asList(columns) : List.of(row))
                .map(row -> row.stream().map(SagaTables::plain).toList())
                .toList();
    }

    /** Numbers as {@code long}, whatever width the database reports. */
    private static Object plain(Object value) {
        return value instanceof Number number ? (Object) number.longValue() : value;
    }
}
