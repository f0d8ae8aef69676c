package dev.allframe.docs.ids;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of message ids, checked on the sources of allframe-cdi and allframe-jpa-store: each id is declared
 * once, by a {@code MessageTemplate} constant named like it (no template is made anywhere else), inside a range of
 * its module in {@code reference/message-ranges.txt} (whose ranges do not overlap), and asserted word for word by
 * a test; no message is written by hand, and no logger is given a bare string. Each failure names the offending
 * file and line.
 */
class MessageIdsTest {

    private static final Pattern ID_AT_START = Pattern.compile("^AF\\d{4}:");
    /** A test's expected message: {@code AF1101: ...}, or a logged one as {@code WARNING AF1114: ...}. */
    private static final Pattern EXPECTED_MESSAGE = Pattern.compile(
            "^(?:(?:SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) )?(AF\\d{4}): ");
    private static final Pattern LITERAL_LOGGED = Pattern.compile(
            "\\b(?:LOG|LOGGER|log|logger)\\s*\\.\\s*(?:severe|warning|info|config|fine|finer|finest|log)\\s*\\("
            + "\\s*(?:Level\\s*\\.\\s*\\w+\\s*,\\s*)?\"");

    private static List<MessageDeclaration> declarations;

    @BeforeAll
    static void scan() {
        declarations = CheckedModule.allDeclarations();
        assertThat(declarations).as("the message constants found in the sources")
                .extracting(MessageDeclaration::id).contains("AF1000", "AF1101", "AF1114", "AF2001");
    }

    @Test
    void eachIdIsDeclaredOnce() {
        Map<String, List<MessageDeclaration>> byId = new TreeMap<>(declarations.stream()
                .collect(groupingBy(MessageDeclaration::id)));
        List<String> twice = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " is declared " + e.getValue().size() + " times: " + e.getValue().stream()
                        .map(MessageDeclaration::site).collect(Collectors.joining(", "))).toList();

        assertThat(twice).as("ids declared more than once").isEmpty();
    }

    @Test
    void eachConstantIsNamedLikeItsId() {
        List<String> misnamed = declarations.stream().filter(d -> !d.field().equals(d.id()))
                .map(d -> d.site() + ": constant " + d.field() + " holds " + d.id()).toList();

        assertThat(misnamed).as("MessageTemplate constants not named like their ids").isEmpty();
    }

    @Test
    void eachIdIsInARangeOfItsModule() {
        List<MessageRange> ranges = MessageRange.read(CheckedModule.reference("message-ranges.txt"));
        List<String> outside = declarations.stream()
                .filter(d -> ranges.stream().noneMatch(r -> r.contains(d.id()) && r.module().equals(d.module())))
                .map(d -> d.site() + ": " + d.id() + " is in no range of " + d.module()
                        + " in reference/message-ranges.txt").toList();

        assertThat(outside).as("ids outside their module's ranges").isEmpty();
    }

    @Test
    void theRangesDoNotOverlap() {
        List<MessageRange> ranges = MessageRange.read(CheckedModule.reference("message-ranges.txt"));
        List<String> overlapping = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                MessageRange one = ranges.get(i);
                MessageRange other = ranges.get(j);
                if (one.first() <= other.last() && other.first() <= one.last()) {
                    overlapping.add(one + " overlaps " + other);
                }
            }
        }

        assertThat(overlapping).as("overlapping ranges in reference/message-ranges.txt").isEmpty();
    }

    @Test
    void eachIdHasAnExactTextTest() {
        Set<String> tested = CheckedModule.ALL.stream().flatMap(module -> module.tests().stream())
                .flatMap(source -> source.literals().stream())
                .map(literal -> EXPECTED_MESSAGE.matcher(literal.text())).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).collect(Collectors.toSet());
        List<String> untested = declarations.stream().filter(d -> !tested.contains(d.id()))
                .map(d -> d.site() + ": no test asserts the text of " + d.id()
                        + " (a string literal starting \"" + d.id() + ": \" in src/test/java)").toList();

        assertThat(untested).as("ids without an exact-text test").isEmpty();
    }

    @Test
    void noMessageIsWrittenByHand() {
        List<String> handMade = new ArrayList<>();
        for (CheckedModule module : CheckedModule.ALL) {
            for (JavaSource source : module.main()) {
                source.literals().stream().filter(l -> ID_AT_START.matcher(l.text().strip()).find())
                        .forEach(l -> handMade.add(source.site(l.line()) + ": \"" + l.text()
                                + "\" is a message written by hand; declare a MessageTemplate"));
            }
        }

        assertThat(handMade).as("string literals in src/main that start with a message id").isEmpty();
    }

    @Test
    void eachTemplateIsAConstant() {
        List<String> elsewhere = new ArrayList<>();
        for (CheckedModule module : CheckedModule.ALL) {
            for (JavaSource source : module.main()) {
                MessageDeclaration.madeElsewhere(source).forEach(line -> elsewhere.add(source.site(line)
                        + ": a MessageTemplate made outside a constant declaration"
                        + " (static final MessageTemplate AFnnnn = new MessageTemplate(\"AFnnnn\", ...))"));
            }
        }

        assertThat(elsewhere).as("MessageTemplates that the catalogue and these rules cannot see").isEmpty();
    }

    @Test
    void noLoggerIsGivenABareString() {
        List<String> bare = new ArrayList<>();
        for (CheckedModule module : CheckedModule.ALL) {
            for (JavaSource source : module.main()) {
                Matcher matcher = LITERAL_LOGGED.matcher(source.code());
                while (matcher.find()) {
                    bare.add(source.site(source.lineOf(matcher.start())) + ": " + matcher.group()
                            + "... logs a string literal; log a message of a MessageTemplate");
                }
            }
        }

        assertThat(bare).as("logger calls in src/main with a string literal").isEmpty();
    }
}
