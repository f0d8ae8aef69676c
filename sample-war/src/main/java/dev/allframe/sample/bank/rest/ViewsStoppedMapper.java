package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The command was stored, but the views stopped before it: 503 Service Unavailable until an operator acts. */
@Provider
public class ViewsStoppedMapper implements ExceptionMapper<ViewsStoppedException> {

    @Override
    public Response toResponse(ViewsStoppedException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.viewsStopped(e.position(), e.failure())).build();
    }
}
