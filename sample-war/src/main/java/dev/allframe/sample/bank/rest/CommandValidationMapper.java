package dev.allframe.sample.bank.rest;

import dev.allframe.command.CommandValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An invalid command: 400 Bad Request listing every violation. */
@Provider
public class CommandValidationMapper implements ExceptionMapper<CommandValidationException> {

    @Override
    public Response toResponse(CommandValidationException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.invalid(e)).build();
    }
}
