package dev.allframe.testkit.shows;

/** A saga's input: one guest reserves a seat at two shows, or at neither. */
public record Tour(String guest, String first, String second) {

    public static final String SAGA = "tour";
}
