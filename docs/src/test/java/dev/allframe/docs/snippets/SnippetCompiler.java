package dev.allframe.docs.snippets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles blocks in memory, against the tests' class path, each block a compilation unit of its own. */
final class SnippetCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:abstract|final|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    private SnippetCompiler() {
    }

    /**
     * The classes the blocks compile to.
     *
     * @throws AssertionError naming each block's error with its page and line
     */
    static Compiled compile(List<Block> blocks) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new HashMap<>();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            sources.add(new Source(blocks.get(i), i));
        }
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        try (InMemoryOutput files = new InMemoryOutput(standard, classes)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                    "-Xlint:none", "-parameters");
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, sources).call();
            if (!compiled) {
                throw new AssertionError(diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(SnippetCompiler::describe).collect(Collectors.joining("\n")));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Compiled(classes);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String where = diagnostic.getSource() instanceof Source source
                ? source.block.page().toString().replace('\\', '/') + ":" + (source.block.line() + diagnostic.getLineNumber() - 1)
                : String.valueOf(diagnostic.getSource());
        return where + ": " + diagnostic.getMessage(Locale.ROOT);
    }

    /** One block as a source file, named after its public type (javac checks the name as for any file). */
    private static final class Source extends SimpleJavaFileObject {

        private final Block block;

        Source(Block block, int index) {
            super(URI.create("string:///" + path(block, index)), Kind.SOURCE);
            this.block = block;
        }

        private static String path(Block block, int index) {
            Matcher pkg = PACKAGE.matcher(block.text());
            Matcher type = PUBLIC_TYPE.matcher(block.text());
            String directory = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return directory + (type.find() ? type.group(1) : "Snippet" + index) + ".java";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return block.text();
        }
    }

    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

        private final Map<String, byte[]> classes;

        InMemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
