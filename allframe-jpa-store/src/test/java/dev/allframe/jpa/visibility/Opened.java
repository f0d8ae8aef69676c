package dev.allframe.jpa.visibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A package-private event record with components of several kinds, as the README's first application writes them. */
record Opened(String owner, BigDecimal amount, Instant at, List<Line> lines, Line first, int count, boolean open) {
}
