package dev.allframe.testing;

import dev.allframe.AllFrameDeploymentException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java SE application in a JVM of its own, on the tests' class path less the jars it is to lack: for tests of what
 * AllFrame says when a jar is missing, which one JVM cannot show once the jar's classes are loaded.
 *
 * <p>The class path never has the Jakarta EE umbrella API jars ({@code jakarta.platform:jakarta.jakartaee-*-api},
 * which the modules compile against as a server provides them): a Java SE application has each API as the jar
 * of its own that its libraries bring, so that one of them can go missing. The application's main class runs its
 * work with {@link #report}: the process prints AllFrame's deployment failure on its standard output and exits with
 * {@link #REFUSED}, or exits 0, or shows any other throwable on its standard error and exits 1.
 */
public final class JavaSeProcess {

    /** The exit status of an application whose deployment AllFrame refused. */
    public static final int REFUSED = 3;

    private static final String UMBRELLA_API = "jakarta.jakartaee-";
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * What the application did.
     *
     * @param exitStatus its exit status
     * @param output     what it printed on its standard output
     * @param errors     what it printed on its standard error: logs and stack traces
     */
    public record Result(int exitStatus, String output, String errors) {

        /** For assertion messages: the whole of it. */
        @Override
        public String toString() {
            return "exit status " + exitStatus + "\n--- output:\n" + output + "--- errors:\n" + errors;
        }
    }

    private JavaSeProcess() {
    }

    /**
     * Runs {@code main} with system properties {@code properties}, on the tests' class path less the jars of
     * {@code missingArtifacts} (artifact ids, e.g. {@code jakarta.persistence-api}), each of which the class path
     * must have.
     */
    public static Result run(Class<?> main, List<String> missingArtifacts, Map<String, String> properties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classPathWithout(missingArtifacts)));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(main.getName());
        Path output = Files.createTempFile("java-se-out", ".txt");
        Path errors = Files.createTempFile("java-se-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the application did not finish in " + TIMEOUT_SECONDS + " s: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** The tests' class path less the umbrella API jars and the jars of {@code artifacts}. */
    public static String classPathWithout(List<String> artifacts) {
        List<String> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>(artifacts);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            List<String> of = artifacts.stream().filter(artifact -> isJarOf(name, artifact)).toList();
            missing.removeAll(of);
            if (of.isEmpty() && !name.startsWith(UMBRELLA_API)) {
                kept.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the tests' class path has no jar of " + missing);
        }
        return String.join(File.pathSeparator, kept);
    }

    /** {@code jakarta.el-api-5.0.0.jar} is a jar of {@code jakarta.el-api}. */
    private static boolean isJarOf(String fileName, String artifact) {
        return fileName.endsWith(".jar") && fileName.startsWith(artifact + "-")
                && Character.isDigit(fileName.charAt(artifact.length() + 1));
    }

    /**
     * Runs an application's work in its main method: exits 0 once it is done, or {@link #REFUSED} with AllFrame's
     * message on the standard output when AllFrame refused the deployment, or 1 with the stack trace of anything
     * else thrown.
     */
    public static void report(Runnable application) {
        try {
            application.run();
        } catch (Throwable thrown) {
            AllFrameDeploymentException refused = find(thrown);
            if (refused == null) {
                thrown.printStackTrace();
                System.exit(1);
            }
            System.out.println(refused.getMessage());
            System.exit(REFUSED);
        }
        System.exit(0);
    }

    /** Weld wraps AllFrame's exception, or reports it as a suppressed exception of its own. */
    private static AllFrameDeploymentException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AllFrameDeploymentException found) {
                return found;
            }
            AllFrameDeploymentException suppressed = Arrays.stream(t.getSuppressed()).map(JavaSeProcess::find)
                    .filter(found -> found != null).findFirst().orElse(null);
            if (suppressed != null) {
                return suppressed;
            }
        }
        return null;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
