package dev.allframe.docs.snippets;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An example application in a JVM of its own, on a Java SE class path: its own directory, then the tests' class
 * path less the Jakarta EE umbrella API jars ({@code jakarta.platform:jakarta.jakartaee-*-api}), which the blocks
 * compile against as a server provides them. (allframe-cdi's tests have the same for missing-jar cases; its
 * test-jar is not used here, as it would bring that module's test store provider along.)
 */
final class ExampleProcess {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * What the application did.
     *
     * @param exitStatus its exit status
     * @param output     what it printed on its standard output
     * @param errors     what it printed on its standard error: logs and stack traces
     */
    record Result(int exitStatus, String output, String errors) {

        @Override
        public String toString() {
            return "exit status " + exitStatus + "\n--- output:\n" + output + "--- errors:\n" + errors;
        }
    }

    private ExampleProcess() {
    }

    static Result run(String main, Path application) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(List.of(application.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).getFileName().toString().startsWith("jakarta.jakartaee-")) {
                classPath.add(entry);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
        Path output = Files.createTempFile("java-se-out", ".txt");
        Path errors = Files.createTempFile("java-se-err", ".txt");
        try {
            Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath), main)
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(main + " did not finish in " + TIMEOUT_SECONDS + " s: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
