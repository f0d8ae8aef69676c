package dev.allframe.benchmarks.http;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database the server's data source {@code jdbc/bank} points to: the environment variables the sample's
 * {@code server.xml} reads, and a way to start it empty.
 */
sealed interface HttpDatabase {

    String name();

    /** The variables that point {@code server.xml}'s data source to this database. */
    Map<String, String> environment();

    /** Empties the database before a server starts. */
    void reset(Path serverDirectory) throws Exception;

    /** H2 in files under the server's output directory: server.xml's default. */
    record H2() implements HttpDatabase {

        @Override
        public String name() {
            return "H2";
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public void reset(Path serverDirectory) throws Exception {
            Trees.delete(serverDirectory.resolve("database"));
        }
    }

    /** PostgreSQL, in a schema of the benchmark's own that is dropped and created again before each server start. */
    record PostgreSql(String url) implements HttpDatabase {

        static final String SCHEMA = "allframe_http";

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public Map<String, String> environment() {
            String user = parameter("user", "postgres");
            return Map.of("BANK_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                    "BANK_DB_USER", user,
                    "BANK_DB_PASSWORD", parameter("password", user),
                    "BANK_DB_DATASOURCE_CLASS", "org.postgresql.ds.PGConnectionPoolDataSource");
        }

        @Override
        public void reset(Path serverDirectory) throws SQLException {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
                s.execute("create schema " + SCHEMA);
            }
        }

        private String parameter(String name, String otherwise) {
            String query = URI.create(url.substring("jdbc:".length())).getQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2 && kv[0].equals(name)) {
                        return kv[1];
                    }
                }
            }
            return otherwise;
        }
    }
}
