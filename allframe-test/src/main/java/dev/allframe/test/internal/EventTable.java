package dev.allframe.test.internal;

import java.util.List;

/** Expected and actual values side by side, one row each, the rows that differ marked; for failure messages. */
public final class EventTable {

    private static final int WIDEST = 100;

    private EventTable() {
    }

    public static String sideBySide(List<?> expected, List<?> actual) {
        int rows = Math.max(expected.size(), actual.size());
        int width = "expected".length();
        for (Object value : expected) {
            width = Math.max(width, Math.min(WIDEST, String.valueOf(value).length()));
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("     %-" + width + "s | %s", "expected", "actual"));
        for (int i = 0; i < rows; i++) {
            Object wanted = i < expected.size() ? expected.get(i) : null;
            Object found = i < actual.size() ? actual.get(i) : null;
            boolean same = i < expected.size() && i < actual.size() && wanted.equals(found);
            table.append(System.lineSeparator()).append(String.format("%s %2d %-" + width + "s | %s",
                    same ? " " : "*", i + 1, cell(expected, i), cell(actual, i)));
        }
        return table.toString();
    }

    /** The values as a bracketed list. */
    public static String list(List<?> values) {
        return values.toString();
    }

    private static String cell(List<?> values, int index) {
        return index < values.size() ? String.valueOf(values.get(index)) : "(none)";
    }
}
