package dev.allframe.sample.bank.rest;

import dev.allframe.command.UnstorableValueException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An id longer than any event store keeps (an account id in the path, for instance): 400 Bad Request. */
@Provider
public class UnstorableValueMapper implements ExceptionMapper<UnstorableValueException> {

    @Override
    public Response toResponse(UnstorableValueException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(e)).build();
    }
}
