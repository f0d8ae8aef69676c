package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The command was stored, but its effect cannot be shown yet: 503 Service Unavailable, try the read again. */
@Provider
public class ViewsBehindMapper implements ExceptionMapper<ViewsBehindException> {

    @Override
    public Response toResponse(ViewsBehindException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.viewsBehind(e.position())).build();
    }
}
