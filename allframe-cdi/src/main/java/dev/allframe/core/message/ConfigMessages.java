package dev.allframe.core.message;

import static dev.allframe.core.message.Texts.list;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;

/** Deployment problems of AllFrame's configuration ({@code allframe.*}). */
public final class ConfigMessages {

    static final MessageTemplate AF1010 = new MessageTemplate("AF1010",
            "Configuration value '%s' of %s is invalid: expected %s");
    static final MessageTemplate AF1011 = new MessageTemplate("AF1011",
            "Configuration key %s is not an AllFrame key; known keys: %s");
    static final MessageTemplate AF1016 = new MessageTemplate("AF1016",
            "%s=%s names no available event store; available: %s");

    private ConfigMessages() {
    }

    public static AllFrameMessage badConfigValue(String key, String value, String expected) {
        return AF1010.with(value, key, expected);
    }

    public static AllFrameMessage unknownConfigKey(String key, Collection<String> knownKeys) {
        return AF1011.with(key, list(knownKeys));
    }

    public static AllFrameMessage unknownEventStore(String key, String value, Collection<String> stores) {
        return AF1016.with(key, value, list(stores));
    }
}
