package dev.allframe.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source recording how each SQL statement was sent (executed alone, or as a batch of how many) and
 * each commit of a transaction; but the notices that tell other servers of an append once it committed, which are not
 * part of the append ({@link #NOTICE}).
 */
final class CountingDataSource implements DataSource {

    /** One trip to the database. */
    record Execution(String sql, String how, int rows) {

        static final Execution COMMIT = new Execution("COMMIT", "commit", 0);
    }

    /** How the statement of a notice to the other servers ({@code PostgresNotice}) begins. */
    static final String NOTICE = "SELECT set_config('synchronous_commit', 'off', true), pg_notify(";

    private final DataSource target;
    private final List<Execution> executions = new CopyOnWriteArrayList<>();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    List<Execution> executions() {
        return executions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                executions.add(Execution.COMMIT);
            }
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement
                    && !((String) args[0]).startsWith(NOTICE)) {
                return statement((String) args[0], statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private PreparedStatement statement(String sql, PreparedStatement statement) {
        int[] batched = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> batched[0]++;
                case "executeBatch" -> {
                    executions.add(new Execution(sql, "batch", batched[0]));
                    batched[0] = 0;
                }
                case "executeUpdate", "execute", "executeQuery" -> executions.add(new Execution(sql, "single", 1));
                default -> { }
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
