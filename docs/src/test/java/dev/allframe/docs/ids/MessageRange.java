package dev.allframe.docs.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code docs/reference/message-ranges.txt}: {@code AF1000-AF1099 allframe-cdi: deployment problems}.
 *
 * @param module the module whose messages take ids in the range
 * @param area   what the messages of the range are about
 */
record MessageRange(int first, int last, String module, String area) {

    private static final Pattern LINE = Pattern.compile("AF(\\d{4})-AF(\\d{4}) ([\\w-]+): (.+)");

    /** The ranges of {@code file}; blank lines and lines starting with {@code #} are skipped. */
    static List<MessageRange> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(MessageRange::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageRange parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a message range (AF1000-AF1099 module: area): " + line);
        }
        return new MessageRange(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                matcher.group(3), matcher.group(4));
    }

    boolean contains(String id) {
        int number = Integer.parseInt(id.substring(2));
        return number >= first && number <= last;
    }

    @Override
    public String toString() {
        return String.format("AF%04d-AF%04d %s: %s", first, last, module, area);
    }
}
