package dev.allframe.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the README's example exactly as written and runs it as the README says it behaves. */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package com\\.example\\.bank;.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("public (?:final )?(?:class|record|interface) (\\w+)");

    @TempDir
    Path work;

    @Test
    void theReadmeExampleCompilesAndBehavesAsDescribed() throws Exception {
        List<Class<?>> classes = compile(readmeBlocks());
        Class<?> tellerClass = classes.stream().filter(c -> c.getSimpleName().equals("Teller")).findFirst().orElseThrow();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(tellerClass.getClassLoader());
        try (WeldContainer container = Deployments.weld(classes.toArray(Class<?>[]::new)).initialize()) {
            Object teller = container.select(tellerClass).get();

            call(teller, "open", "A-1", "Ada");
            call(teller, "deposit", "A-1", new BigDecimal("100"));
            CommandResult withdrawn = call(teller, "withdraw", "A-1", new BigDecimal("30"));

            assertThat(withdrawn.streamVersion()).isEqualTo(3);
            assertThatThrownBy(() -> call(teller, "withdraw", "A-1", new BigDecimal("500")))
                    .isInstanceOf(CommandRejectedException.class)
                    .hasMessage("AF1109: Command rejected: insufficient funds");
            assertThatThrownBy(() -> call(teller, "open", "", "Ada"))
                    .isInstanceOf(CommandValidationException.class)
                    .hasMessageContaining("accountId: must not be blank");
            assertThat(call(teller, "deposit", "A-1", BigDecimal.ONE).streamVersion()).isEqualTo(4);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> readmeBlocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).as("the README's example files").hasSize(4);
        return blocks;
    }

    private List<Class<?>> compile(List<String> blocks) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/com/example/bank"));
        Path output = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        for (int i = 0; i < blocks.size(); i++) {
            Matcher publicType = PUBLIC_TYPE.matcher(blocks.get(i));
            String name = publicType.find() ? publicType.group(1) : "ExampleFile" + i;
            Path file = sources.resolve(name + ".java");
            Files.writeString(file, blocks.get(i));
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();

        URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, getClass().getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = output.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(loader.loadClass(className));
            }
        }
        return classes;
    }

    private static CommandResult call(Object teller, String method, Object... arguments) throws Exception {
        Method target = Stream.of(teller.getClass().getMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        try {
            return (CommandResult) target.invoke(teller, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
