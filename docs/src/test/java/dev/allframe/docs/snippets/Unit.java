package dev.allframe.docs.snippets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java blocks that compile together: those marked with one {@code unit} name, on any page, or one unmarked block
 * alone. A unit marked {@code with: other} compiles together with the blocks of unit {@code other}.
 *
 * @param name   the unit's name, or the site of its only block
 * @param blocks its own blocks
 * @param with   the units it builds on
 */
record Unit(String name, List<Block> blocks, Set<String> with) {

    Unit {
        blocks = List.copyOf(blocks);
        with = Set.copyOf(with);
    }

    /** Every Java block of the pages, as units, in the order of their first block. */
    static List<Unit> of(List<Block> blocks) {
        Map<String, List<Block>> byName = new LinkedHashMap<>();
        Map<String, Set<String>> with = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (!block.language().equals("java")) {
                continue;
            }
            String name = block.mark("unit").orElse(block.site());
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(block);
            Set<String> others = with.computeIfAbsent(name, n -> new LinkedHashSet<>());
            block.mark("with").ifPresent(list -> Arrays.stream(list.split("\\s+")).forEach(others::add));
        }
        return byName.entrySet().stream().map(e -> new Unit(e.getKey(), e.getValue(), with.get(e.getKey()))).toList();
    }

    static Unit named(List<Unit> units, String name) {
        return units.stream().filter(unit -> unit.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit named '" + name + "' in the pages"));
    }

    /** Its blocks and those of the units it builds on (and theirs), each once. */
    List<Block> sources(List<Unit> units) {
        Set<Block> sources = new LinkedHashSet<>();
        collect(this, units, sources, new LinkedHashSet<>());
        return List.copyOf(sources);
    }

    private static void collect(Unit unit, List<Unit> units, Set<Block> sources, Set<String> seen) {
        if (!seen.add(unit.name())) {
            return;
        }
        for (String other : unit.with()) {
            collect(named(units, other), units, sources, seen);
        }
        sources.addAll(unit.blocks());
    }
}
