package dev.allframe.docs.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code MessageTemplate} constant as the source declares it: {@code MessageTemplate AF1101 = new
 * MessageTemplate("AF1101", ...)}.
 *
 * @param module    the module whose source declares it, {@code allframe-cdi} or {@code allframe-jpa-store}
 * @param className the binary name of the top-level class declaring it
 * @param field     the constant's name
 * @param id        the id it is given
 * @param site      the file and line of the declaration
 */
record MessageDeclaration(String module, String className, String field, String id, String site) {

    private static final Pattern DECLARATION = Pattern.compile(
            "MessageTemplate\\s+(\\w+)\\s*=\\s*new\\s+MessageTemplate\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern CONSTRUCTION = Pattern.compile("new\\s+MessageTemplate\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** Every declaration in {@code source}, outside comments. */
    static List<MessageDeclaration> in(String module, JavaSource source) {
        List<MessageDeclaration> found = new ArrayList<>();
        Matcher matcher = DECLARATION.matcher(source.code());
        while (matcher.find()) {
            found.add(new MessageDeclaration(module, className(source), matcher.group(1), matcher.group(2),
                    source.site(source.lineOf(matcher.start()))));
        }
        return found;
    }

    /** The lines of {@code source} that make a {@code MessageTemplate} other than as a constant declared so. */
    static List<Integer> madeElsewhere(JavaSource source) {
        List<int[]> declarations = new ArrayList<>();
        Matcher declaration = DECLARATION.matcher(source.code());
        while (declaration.find()) {
            declarations.add(new int[] {declaration.start(), declaration.end()});
        }
        List<Integer> lines = new ArrayList<>();
        Matcher construction = CONSTRUCTION.matcher(source.code());
        while (construction.find()) {
            int at = construction.start();
            if (declarations.stream().noneMatch(d -> d[0] <= at && at < d[1])) {
                lines.add(source.lineOf(at));
            }
        }
        return lines;
    }

    private static String className(JavaSource source) {
        Matcher matcher = PACKAGE.matcher(source.code());
        String file = source.path().getFileName().toString();
        String simpleName = file.substring(0, file.length() - ".java".length());
        return matcher.find() ? matcher.group(1) + "." + simpleName : simpleName;
    }
}
