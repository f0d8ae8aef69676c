package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL append path's classes depend on one another in one direction only: both appenders on the
 * statements, group commit on both appenders, and neither appender on the other or on group commit. Read from
 * the compiled classes and from the sources without their comments (the compiler copies constants into the
 * classes that use them), so that a static shortcut from one appender into the other fails here.
 */
class AppendPathDependenciesTest {

    private static final Pattern INTERNAL_CLASS = Pattern.compile("dev/allframe/jpa/internal/(\\w+)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z]\\w*\\b");
    private static final Path SOURCES = Path.of("src/main/java/dev/allframe/jpa/internal");

    @Test
    void theSingleAppenderKnowsNeitherTheBatchNorGroupCommit() throws Exception {
        assertThat(dependencies("PostgresAppender")).contains("PostgresStatements")
                .doesNotContain("PostgresBatch", "GroupCommit");
    }

    @Test
    void theBatchedAppenderKnowsNeitherTheSingleOneNorGroupCommit() throws Exception {
        assertThat(dependencies("PostgresBatch")).contains("PostgresStatements")
                .doesNotContain("PostgresAppender", "GroupCommit");
    }

    @Test
    void theStatementsKnowNoAppender() throws Exception {
        assertThat(dependencies("PostgresStatements"))
                .doesNotContain("PostgresAppender", "PostgresBatch", "GroupCommit");
    }

    @Test
    void groupCommitUsesBothAppendersButNotTheirStatements() throws Exception {
        assertThat(dependencies("GroupCommit")).contains("PostgresAppender", "PostgresBatch")
                .doesNotContain("PostgresStatements");
    }

    /**
     * The classes of this package that {@code name} and its nested classes refer to, by simple name: every
     * name in their constant pools, descriptors included.
     */
    private static Set<String> dependencies(String name) throws IOException, URISyntaxException {
        Path directory = Path.of(Appender.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/allframe/jpa/internal");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(name + "(\\$.*)?\\.class"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (String text : constantTexts(new DataInputStream(in))) {
                        Matcher match = INTERNAL_CLASS.matcher(text);
                        while (match.find()) {
                            found.add(match.group(1));
                        }
                    }
                }
            }
        }
        Set<String> internal = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.matches("\\w+\\.class"))
                    .forEach(f -> internal.add(f.substring(0, f.length() - ".class".length())));
        }
        String source = COMMENT.matcher(Files.readString(SOURCES.resolve(name + ".java"))).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(source);
        while (identifier.find()) {
            if (internal.contains(identifier.group())) {
                found.add(identifier.group());
            }
        }
        found.remove(name);
        return found;
    }

    /** The UTF-8 constants of a class file: class names, descriptors, member names, strings. */
    private static Set<String> constantTexts(DataInputStream in) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Set<String> texts = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
