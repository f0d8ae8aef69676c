package dev.allframe.docs.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Java source file, split the way the message rules need it: its code with every comment blanked out (line
 * breaks kept, so that offsets still give lines), and its string literals and text blocks with their lines.
 *
 * @param path     where the file is
 * @param code     the text with comments replaced by spaces
 * @param literals the string literals and text blocks, their content as written between the quotes
 */
record JavaSource(Path path, String code, List<Literal> literals) {

    /** A string literal or text block and the line it starts on. */
    record Literal(int line, String text) {
    }

    /** Every {@code .java} file under {@code root}, in path order. */
    static List<JavaSource> under(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(JavaSource::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource read(Path path) {
        try {
            return parse(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource parse(Path path, String text) {
        StringBuilder code = new StringBuilder(text.length());
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                blank(code, text, i, end);
                i = end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                line += blank(code, text, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? text.length() : end;
                literals.add(new Literal(line, text.substring(text.indexOf('\n', i) + 1, end).stripIndent()));
                code.append(text, i, Math.min(end + 3, text.length()));
                line += newlines(text, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(new Literal(line, text.substring(i + 1, end)));
                }
                code.append(text, i, Math.min(end + 1, text.length()));
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                code.append(c);
                i++;
            }
        }
        return new JavaSource(path, code.toString(), List.copyOf(literals));
    }

    /** The line of {@code offset} in {@link #code}. */
    int lineOf(int offset) {
        return 1 + newlines(code, 0, offset);
    }

    /** How a rule names a place in this file: its path from the repository's root, and the line. */
    String site(int line) {
        return CheckedModule.repository().relativize(path.toAbsolutePath().normalize()) + ":" + line;
    }

    private static int blank(StringBuilder code, String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            boolean newline = text.charAt(i) == '\n';
            code.append(newline ? '\n' : ' ');
            lines += newline ? 1 : 0;
        }
        return lines;
    }

    private static int newlines(CharSequence text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            lines += text.charAt(i) == '\n' ? 1 : 0;
        }
        return lines;
    }
}
