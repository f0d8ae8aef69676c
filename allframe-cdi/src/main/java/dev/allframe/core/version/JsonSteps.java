package dev.allframe.core.version;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;

/** Runs JSON upcasters on stored JSON text; loaded only when an application has JSON upcasters. */
final class JsonSteps {

    private JsonSteps() {
    }

    static String apply(MethodHandle upcaster, String json) throws Throwable {
        JsonObject stored;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            stored = reader.readObject();
        }
        return String.valueOf((Object) upcaster.invokeExact((Object) stored));
    }
}
