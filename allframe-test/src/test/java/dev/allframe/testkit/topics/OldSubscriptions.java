package dev.allframe.testkit.topics;

import dev.allframe.event.JsonUpcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

@ApplicationScoped
public class OldSubscriptions {

    @JsonUpcaster(type = "Subscribed", from = 1)
    JsonObject addressBecameEmail(JsonObject v1) {
        return Json.createObjectBuilder().add("topic", v1.getString("topic")).add("email", v1.getString("address"))
                .build();
    }
}
