package dev.allframe.liberty.feature.archive;

import java.util.ArrayList;
import java.util.List;

/** The clauses of an OSGi manifest header, split at the commas that are not inside quotes. */
final class ManifestHeader {

    private ManifestHeader() {
    }

    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return clauses;
    }

    /** The first part of each clause: the package, bundle or feature it is about. */
    static List<String> names(String header) {
        return clauses(header).stream().map(clause -> clause.split(";")[0].trim()).toList();
    }
}
