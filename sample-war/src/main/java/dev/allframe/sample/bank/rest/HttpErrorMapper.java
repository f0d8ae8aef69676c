package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What the resources do not take (an unknown path, a method or media type they do not serve, an answer the client
 * does not accept): the status the server chose, with the JSON error body every other answer has ({@code BANK007}).
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response refused = e.getResponse();
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        Response.ResponseBuilder answer = Response.status(refused.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.httpError(refused.getStatus(), refused.getStatusInfo().getReasonPhrase(),
                        request.getMethod(), path));
        String allow = refused.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }
}
