package dev.allframe.jpa.visibility;

import java.math.BigDecimal;
import java.util.List;

/** Records nested in a package-private class: package-private, protected and private. */
class Ledger {

    private Ledger() {
    }

    record Posted(String account, BigDecimal amount) {
    }

    protected record Corrected(String account, List<Posted> replaced) {
    }

    private record Hidden(String note) {
    }

    static Object hidden(String note) {
        return new Hidden(note);
    }

    static Class<?> hiddenClass() {
        return Hidden.class;
    }
}
