package dev.allframe.sample.bank.rest;

import dev.allframe.command.CommandRejectedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A command the bank's rules refuse (insufficient funds, an account opened twice): 409 Conflict with the reason. */
@Provider
public class CommandRejectedMapper implements ExceptionMapper<CommandRejectedException> {

    @Override
    public Response toResponse(CommandRejectedException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.rejected(e)).build();
    }
}
