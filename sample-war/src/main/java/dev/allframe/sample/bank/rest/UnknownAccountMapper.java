package dev.allframe.sample.bank.rest;

import dev.allframe.sample.bank.UnknownAccountException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An account id that names no account, in a read or in a command: 404 Not Found. */
@Provider
public class UnknownAccountMapper implements ExceptionMapper<UnknownAccountException> {

    @Override
    public Response toResponse(UnknownAccountException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.unknownAccount(e.accountId())).build();
    }
}
