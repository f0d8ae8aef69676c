package dev.allframe.docs.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The documentation's pages, README.md and docs/**&#47;*.md, and their fenced blocks. */
final class Pages {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern MARKS = Pattern.compile("^<!--(.*)-->\\s*$");

    private Pages() {
    }

    /** The project's root: the docs module runs its tests in its own directory. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    /** README.md and every page under docs/, in a stable order. */
    static List<Path> all() {
        Path root = root();
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        List<Path> found = new ArrayList<>();
        try {
            // not into docs/target, where the build writes (and renames) files while the tests run
            Files.walkFileTree(root.resolve("docs"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return root.relativize(dir).equals(Path.of("docs", "target"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.toString().endsWith(".md")) {
                        found.add(root.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.stream().sorted().forEach(pages::add);
        return pages;
    }

    /** Every fenced block of every page. */
    static List<Block> blocks() {
        return all().stream().flatMap(page -> blocks(page).stream()).toList();
    }

    static String read(Path page) {
        try {
            return Files.readString(root().resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> blocks(Path page) {
        List<String> lines = read(page).lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException(page + ":" + (i + 1) + ": a fenced block that never closes");
            }
            String text = String.join("\n", lines.subList(start, end)) + "\n";
            blocks.add(new Block(page, start + 1, open.group(1), text, i > 0 ? marks(lines.get(i - 1)) : Map.of()));
            i = end;
        }
        return blocks;
    }

    /** {@code <!-- unit: bank, with: other -->} as {unit=bank, with=other}; any other line as none. */
    static Map<String, String> marks(String line) {
        Matcher comment = MARKS.matcher(line.trim());
        Map<String, String> marks = new LinkedHashMap<>();
        if (!comment.matches()) {
            return marks;
        }
        for (String part : comment.group(1).split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                marks.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
            }
        }
        return marks;
    }
}
