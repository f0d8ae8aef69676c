package dev.allframe.sample.bank.rest;

import static java.util.Objects.requireNonNull;

import dev.allframe.AllFrameException;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ProjectionRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an operator needs when the account views stop at an event they cannot apply: the projections' status and
 * parked events (read by anyone, as readiness is), and skipping that event or applying parked events again, which
 * needs the header {@value #TOKEN_HEADER} with the bank's operator token ({@code bank.operator-token}; without one,
 * operator actions are off). AllFrame's own refusals answer with their ids: 404 for an unknown projection, 400 for a
 * skip without operator or reason, 409 otherwise (a projection that did not fail, an event that is not parked).
 */
@Path("operator/projections")
@Dependent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {

    static final String TOKEN_HEADER = "X-Operator-Token";

    private final ProjectionRegistry projections;
    private final Optional<String> token;

    /** For the server's proxies only, as {@link TransferResource#TransferResource()} says. */
    public OperatorResource() {
        this.projections = null;
        this.token = null;
    }

    @Inject
    public OperatorResource(ProjectionRegistry projections,
                            @ConfigProperty(name = "bank.operator-token") Optional<String> token) {
        this.projections = requireNonNull(projections, "projections");
        this.token = token.filter(t -> !t.isBlank());
    }

    @GET
    public Response list() {
        return Response.ok(projections.list()).build();
    }

    @GET
    @Path("{name}/parked")
    public Response parked(@PathParam("name") String name) {
        return answer(() -> projections.parked(name));
    }

    @POST
    @Path("{name}/skip")
    public Response skip(@PathParam("name") String name, @HeaderParam(TOKEN_HEADER) String given, SkipRequest body) {
        SkipRequest request = Objects.requireNonNullElse(body, new SkipRequest(null, null));
        return operator(given, () -> projections.skip(name, request.operator(), request.reason()));
    }

    @POST
    @Path("{name}/retry")
    public Response retry(@PathParam("name") String name, @HeaderParam(TOKEN_HEADER) String given) {
        return operator(given, () -> projections.retryParked(name));
    }

    private Response operator(String given, Supplier<Object> action) {
        if (token.isEmpty() || given == null || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.FORBIDDEN).entity(ErrorResponse.notAnOperator(token.isPresent()))
                    .build();
        }
        return answer(action);
    }

    private static Response answer(Supplier<Object> action) {
        try {
            return Response.ok(action.get()).build();
        } catch (NoSuchProjectionException e) {
            return Response.status(Response.Status.NOT_FOUND).entity(ErrorResponse.of(e)).build();
        } catch (AllFrameException e) {
            Response.Status status = "AF1171".equals(e.messageId()) ? Response.Status.BAD_REQUEST
                    : Response.Status.CONFLICT;
            return Response.status(status).entity(ErrorResponse.of(e)).build();
        }
    }
}
