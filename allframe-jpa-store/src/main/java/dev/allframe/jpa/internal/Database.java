package dev.allframe.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.function.BooleanSupplier;

/**
 * Whether the store's database is PostgreSQL, asked once and then known: its appends take positions that let them run
 * side by side ({@link PostgresAppender}), and its reads of the global log stop where appends still run
 * ({@link EventReader}).
 */
public final class Database {

    private volatile Boolean postgres;

    /** @param ask asks the database, the first time it matters */
    public boolean postgres(BooleanSupplier ask) {
        Boolean known = postgres;
        if (known == null) {
            known = ask.getAsBoolean();
            postgres = known;
        }
        return known;
    }

    public boolean postgres(EntityManager em) {
        return postgres(() -> HibernateJdbc.isPostgres(em));
    }
}
