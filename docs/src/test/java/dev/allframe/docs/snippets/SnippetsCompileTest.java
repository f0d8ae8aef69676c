package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java block of README.md and docs/**&#47;*.md compiles as written, imports included: alone, or with the
 * other blocks of its unit (the marks are explained at the top of docs/README.md).
 */
class SnippetsCompileTest {

    private static final List<Unit> UNITS = Unit.of(Pages.blocks());

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() {
        return UNITS.stream().map(unit -> DynamicTest.dynamicTest(unit.name(),
                () -> assertThat(SnippetCompiler.compile(unit.sources(UNITS)).all()).isNotEmpty()));
    }

    @Test
    void thePagesHaveJavaBlocksOnEveryGuidePage() {
        assertThat(UNITS.stream().map(Unit::name)).contains("bank", "commands-options", "projections-registry",
                "versioning", "sagas", "store-producer");
        assertThat(UNITS.stream().flatMap(unit -> unit.blocks().stream()).map(block -> block.page().toString()))
                .contains("README.md", Path.of("docs", "guide", "commands.md").toString(),
                        Path.of("docs", "guide", "projections.md").toString(),
                        Path.of("docs", "guide", "sagas.md").toString());
    }

    @Test
    void everyUnitMarkNamesOneUnit() {
        for (Unit unit : UNITS) {
            unit.with().forEach(other -> assertThat(Unit.named(UNITS, other)).isNotNull());
        }
    }

    @Test
    void aBlockWithoutItsImportFailsAndTheFailureNamesItsPageAndLine() {
        Block missingImport = new Block(Path.of("docs", "guide", "example.md"), 40, "java", """
                package com.example.missing;

                public record Deposit(@StreamId String accountId) {
                }
                """, Map.of());

        assertThatThrownBy(() -> SnippetCompiler.compile(List.of(missingImport)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("docs/guide/example.md:42: cannot find symbol")
                .hasMessageContaining("class StreamId");
    }
}
