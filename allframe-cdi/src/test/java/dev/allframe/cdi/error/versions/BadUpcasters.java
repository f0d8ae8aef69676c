package dev.allframe.cdi.error.versions;

import dev.allframe.event.JsonUpcaster;
import dev.allframe.event.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

@ApplicationScoped
public class BadUpcasters {

    @Upcaster
    Fork2 first(Fork1 old) {
        return new Fork2(old.id());
    }

    @Upcaster
    Fork2 second(Fork1 old) {
        return new Fork2(old.id());
    }

    @Upcaster
    Loop2 up(Loop1 old) {
        return new Loop2(old.id());
    }

    @Upcaster
    Loop3 upAgain(Loop2 old) {
        return new Loop3(old.id());
    }

    @Upcaster
    Loop1 round(Loop3 old) {
        return new Loop1(old.id());
    }

    @Upcaster
    Gap2 gapUp(Gap1 old) {
        return new Gap2(old.id());
    }

    @Upcaster
    String notAnEvent(Object old) {
        return "";
    }

    @Upcaster
    Other2 rename(Fork1 old) {
        return new Other2(old.id());
    }

    @Upcaster
    Fork2 twoParameters(Fork1 old, String extra) {
        return null;
    }

    @JsonUpcaster(type = "Fork", from = 1)
    String textNotJson(String stored) {
        return stored;
    }

    @JsonUpcaster(type = "Ghost", from = 1)
    JsonObject ghost(JsonObject stored) {
        return stored;
    }
}
