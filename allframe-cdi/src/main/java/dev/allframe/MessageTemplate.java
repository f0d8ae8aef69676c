package dev.allframe;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The template of a user-facing message: its stable id and its text with a {@code %s} for each argument.
 * AllFrame declares each one as a constant named like its id
 * ({@code static final MessageTemplate AF1101 = new MessageTemplate("AF1101", "No @CommandHandler handles %s")})
 * and never concatenates a message by hand, so that the catalogue of messages is what the code says.
 */
public record MessageTemplate(String id, String template) {

    private static final Pattern ID = Pattern.compile("AF\\d{4}");

    public MessageTemplate {
        requireNonNull(id, "id");
        requireNonNull(template, "template");
        if (!isId(id)) {
            throw new IllegalArgumentException("not a message id (AF and four digits): " + id);
        }
    }

    /** The message with {@code arguments} in place of the template's {@code %s}. */
    public AllFrameMessage with(Object... arguments) {
        return new AllFrameMessage(id, String.format(Locale.ROOT, template, arguments));
    }

    /** Whether {@code id} has the form of a message id: {@code AF} and four digits. */
    public static boolean isId(String id) {
        return ID.matcher(id).matches();
    }
}
