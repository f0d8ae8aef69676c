package dev.allframe.benchmarks;

import dev.allframe.benchmarks.support.BenchDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the numbers were measured on.
 *
 * @param facts     name and value, in order
 * @param loadAtStart the one-minute load average when the run began
 */
record Machine(List<String[]> facts, String loadAtStart) {

    private static final List<String> POSTGRES_SETTINGS = List.of("shared_buffers", "synchronous_commit", "fsync",
            "wal_sync_method", "commit_delay", "max_connections", "work_mem", "wal_buffers");

    static Machine describe(boolean postgres) {
        List<String[]> facts = new ArrayList<>();
        facts.add(fact("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        facts.add(fact("CPU", cpu()));
        facts.add(fact("memory", ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB"));
        facts.add(fact("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        facts.add(fact("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")));
        if (postgres) {
            facts.addAll(postgres());
        } else {
            facts.add(fact("PostgreSQL", "not measured (" + BenchDatabase.URL_VARIABLE + " unset)"));
        }
        return new Machine(facts, loadAverage());
    }

    /** The one-, five- and fifteen-minute load averages. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String[]> postgres() {
        List<String[]> facts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(BenchDatabase.baseUrl());
             Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SELECT version()")) {
                version.next();
                facts.add(fact("PostgreSQL", version.getString(1)));
            }
            List<String> settings = new ArrayList<>();
            for (String name : POSTGRES_SETTINGS) {
                try (ResultSet value = statement.executeQuery("SHOW " + name)) {
                    value.next();
                    settings.add(name + "=" + value.getString(1));
                }
            }
            facts.add(fact("PostgreSQL settings", String.join(", ", settings)));
            String url = BenchDatabase.baseUrl();
            facts.add(fact("PostgreSQL connection", (url.contains("?") ? url.substring(0, url.indexOf('?')) : url)
                    + ", pgJDBC, reWriteBatchedInserts=true, HikariCP under JPA"));
        } catch (SQLException e) {
            facts.add(fact("PostgreSQL", "unreachable: " + e.getMessage()));
        }
        return facts;
    }

    private static String[] fact(String name, String value) {
        return new String[] {name, value};
    }
}
