package dev.allframe.sample.bank.rest;

import dev.allframe.command.ConcurrencyConflictException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An account changed concurrently more often than AllFrame retries: 409 Conflict; the client may try again. */
@Provider
public class ConcurrencyConflictMapper implements ExceptionMapper<ConcurrencyConflictException> {

    @Override
    public Response toResponse(ConcurrencyConflictException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(e)).build();
    }
}
