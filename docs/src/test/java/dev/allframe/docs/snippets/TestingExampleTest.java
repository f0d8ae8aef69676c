package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The test classes of docs/guide/testing.md, compiled from its blocks with the README's bank and the transfer saga of
 * the sagas page, and run as a user's build would run them: every test of theirs passes.
 */
class TestingExampleTest {

    @TempDir
    Path directory;

    @Test
    void theTestClassesOfThePagePass() throws Exception {
        TestExecutionSummary summary = run("testing", "com.example.bank.AccountTest", directory.resolve("testing"));

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(5);
    }

    @Test
    void theConfiguredTestPasses() throws Exception {
        TestExecutionSummary summary = run("testing-config", "com.example.bank.NoRetriesTest",
                directory.resolve("config"));

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
    }

    @Test
    void theTimeoutTestPassesOnTheTestsTime() throws Exception {
        TestExecutionSummary summary = run("testing-time", "com.example.bank.TransferTimeoutTest",
                directory.resolve("time"));

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
    }

    /** Writes the unit's classes into a class path entry of their own, as a build's test classes are, and runs one. */
    private static TestExecutionSummary run(String unit, String testClass, Path entry) throws Exception {
        Example example = Example.of(unit, null, entry);
        Path classes = example.classPathEntry();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                TestingExampleTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(testClass))).build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            assertThat(summary.getTestsFoundCount()).as("tests found in " + testClass).isPositive();
            return summary;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String failures(TestExecutionSummary summary) {
        List<String> failed = summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).toList();
        return "failures: " + failed;
    }
}
