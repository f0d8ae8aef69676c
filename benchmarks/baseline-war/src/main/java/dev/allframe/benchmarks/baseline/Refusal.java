package dev.allframe.benchmarks.baseline;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A refused request: an HTTP status and a JSON reason, as the sample answers it. */
final class Refusal extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private Refusal(Response.Status status, String reason) {
        super(reason, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("reason", reason)).build());
    }

    static Refusal unknown(String accountId) {
        return new Refusal(Response.Status.NOT_FOUND, "no account " + accountId);
    }

    static Refusal conflict(String reason) {
        return new Refusal(Response.Status.CONFLICT, reason);
    }

    static Refusal invalid(String reason) {
        return new Refusal(Response.Status.BAD_REQUEST, reason);
    }
}
