package dev.allframe.docs.ids;

import dev.allframe.MessageTemplate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of messages, {@code reference/messages.md}: one row per id with its area, the class declaring
 * it and its template, read by reflection from the {@link MessageTemplate} constants of the classes whose
 * sources declare them (private constants of API exceptions included).
 */
final class MessageCatalogue {

    /** One message: its template as the code holds it, and where it belongs. */
    record Entry(MessageTemplate template, String module, String area, Class<?> declaredIn) {
    }

    private MessageCatalogue() {
    }

    /** Every constant of every class declaring messages, ordered by id. */
    static List<Entry> read(List<MessageDeclaration> declarations, List<MessageRange> ranges) {
        Set<String> classes = new LinkedHashSet<>();
        declarations.forEach(d -> classes.add(d.module() + " " + d.className()));
        List<Entry> entries = new ArrayList<>();
        for (String moduleAndClass : classes) {
            String module = moduleAndClass.substring(0, moduleAndClass.indexOf(' '));
            Class<?> type = load(moduleAndClass.substring(module.length() + 1));
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == MessageTemplate.class && Modifier.isStatic(field.getModifiers())) {
                    MessageTemplate template = constant(field);
                    String area = ranges.stream().filter(r -> r.contains(template.id()) && r.module().equals(module))
                            .map(MessageRange::area).findFirst().orElse("(no range)");
                    entries.add(new Entry(template, module, area, type));
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.template().id()));
        return entries;
    }

    /** The page: a short preamble and the table. */
    static String markdown(List<Entry> entries) {
        StringBuilder page = new StringBuilder("""
                # Messages

                Every message AllFrame reports or logs, by id. `%s` stands for an argument: what or where, filled in
                when the message is made. The ranges of ids are in `message-ranges.txt`.

                This page is generated from the code by `MessageCatalogueTest`; do not edit it by hand. After
                changing a message, run `mvn -B -pl docs -am test -Dallframe.docs.write=true` and commit the page.

                | Id | Area | Declared in | Text |
                |----|------|-------------|------|
                """);
        for (Entry entry : entries) {
            page.append("| ").append(entry.template().id())
                    .append(" | ").append(entry.area())
                    .append(" | ").append(entry.module()).append(" `").append(entry.declaredIn().getSimpleName())
                    .append("` | ").append(cell(entry.template().template())).append(" |\n");
        }
        return page.toString();
    }

    /** The template as a code span, with the table's separator escaped. */
    private static String cell(String template) {
        return "`" + template.replace("|", "\\|") + "`";
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the sources declare messages in " + className
                    + ", which is not on the test class path", e);
        }
    }

    private static MessageTemplate constant(Field field) {
        try {
            field.setAccessible(true);
            return (MessageTemplate) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
