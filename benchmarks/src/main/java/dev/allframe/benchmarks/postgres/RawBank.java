package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.bank.AccountOpened;
import dev.allframe.benchmarks.bank.Deposit;
import dev.allframe.benchmarks.bank.MoneyDeposited;
import dev.allframe.benchmarks.bank.OpenAccount;
import dev.allframe.benchmarks.support.BenchDatabase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the command benchmarks on PostgreSQL: one client's connection, which handles a bank command as
 * plain JDBC would: read the account's stream from {@code raw_events}, insert the next event at a position counted in
 * the JVM, then commit.
 */
final class RawBank implements AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final AtomicLong positions;
    private final Connection connection;
    private final PreparedStatement read;
    private final PreparedStatement insert;

    /** @param positions the positions of all clients of one table */
    RawBank(BenchDatabase database, AtomicLong positions) throws SQLException {
        this.positions = positions;
        connection = database.connect();
        connection.setAutoCommit(false);
        read = connection.prepareStatement(
                "SELECT stream_version, type_name, payload FROM raw_events WHERE stream_id = ? ORDER BY stream_version");
        insert = RawEvents.prepare(connection);
    }

    /** Handles {@code command}, running {@code beforeCommit} in its transaction after the insert. */
    Object handle(Object command, Runnable beforeCommit) throws SQLException {
        String stream = command instanceof OpenAccount open ? open.accountId() : ((Deposit) command).accountId();
        long version = 0;
        read.setString(1, stream);
        try (ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                version = rows.getLong(1);
                rows.getString(2);
                rows.getString(3);
            }
        }
        Object event = command instanceof OpenAccount open ? new AccountOpened(open.accountId(), open.owner())
                : new MoneyDeposited(stream, ((Deposit) command).amountCents());
        RawEvents.bind(insert, positions.incrementAndGet(), stream, version + 1, event.getClass().getSimpleName(),
                jsonb.toJson(event));
        insert.executeUpdate();
        beforeCommit.run();
        connection.commit();
        return event;
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
