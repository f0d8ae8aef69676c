package dev.allframe.jpa.versions;

import dev.allframe.event.JsonUpcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** JSON upcasters for versions whose classes were deleted. */
@ApplicationScoped
public class LegacyJson {

    @JsonUpcaster(type = "AccountOpened", from = 1)
    JsonObject openedNameBecameOwner(JsonObject v1) {
        return Json.createObjectBuilder().add("accountId", v1.getString("accountId"))
                .add("owner", v1.getString("name")).build();
    }

    @JsonUpcaster(type = "Withdrawn", from = 1)
    JsonObject withdrawnCentsBecameAmount(JsonObject v1) {
        return Json.createObjectBuilder().add("accountId", v1.getString("accountId"))
                .add("amount", v1.getJsonNumber("cents").bigDecimalValue().movePointLeft(2)).build();
    }

    @JsonUpcaster(type = "Withdrawn", from = 2)
    JsonObject withdrawnGotAReference(JsonObject v2) {
        return Json.createObjectBuilder(v2).add("reference", "legacy").build();
    }
}
