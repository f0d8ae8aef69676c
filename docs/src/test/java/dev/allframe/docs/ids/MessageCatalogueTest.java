package dev.allframe.docs.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code reference/messages.md} says what the code says. By default a difference fails the build; run with
 * {@code -Dallframe.docs.write=true} to rewrite the page from the code.
 */
class MessageCatalogueTest {

    private static final Path PAGE = CheckedModule.reference("messages.md");

    @Test
    void theCatalogueListsEveryMessageAsTheCodeHasIt() throws IOException {
        List<MessageDeclaration> declarations = CheckedModule.allDeclarations();
        List<MessageCatalogue.Entry> entries = MessageCatalogue.read(declarations,
                MessageRange.read(CheckedModule.reference("message-ranges.txt")));
        assertThat(entries).as("the constants read by reflection are the ones the sources declare")
                .extracting(e -> e.template().id())
                .containsExactlyElementsOf(declarations.stream().map(MessageDeclaration::id).sorted().toList());
        String generated = MessageCatalogue.markdown(entries);

        if (Boolean.getBoolean("allframe.docs.write")) {
            Files.writeString(PAGE, generated);
        }
        List<String> page = Files.exists(PAGE) ? Files.readAllLines(PAGE) : List.of();
        List<String> code = generated.lines().toList();
        if (!page.equals(code)) {
            fail("docs/reference/messages.md differs from the messages in the code: run"
                    + " mvn -B -pl docs -am test -Dallframe.docs.write=true and commit the page.%n"
                    + "Lines the code says that the page lacks: %s%nLines of the page the code no longer says: %s",
                    lacking(code, page), lacking(page, code));
        }
    }

    /** The lines of {@code these} that {@code those} lacks. */
    private static List<String> lacking(List<String> these, List<String> those) {
        return these.stream().filter(line -> !those.contains(line)).toList();
    }
}
