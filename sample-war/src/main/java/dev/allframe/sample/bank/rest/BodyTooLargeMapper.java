package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body over {@link RequestSizeLimit#LIMIT} bytes: 413 Content Too Large. */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<RequestSizeLimit.BodyTooLargeException> {

    @Override
    public Response toResponse(RequestSizeLimit.BodyTooLargeException e) {
        return answer();
    }

    static Response answer() {
        return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.bodyTooLarge(RequestSizeLimit.LIMIT)).build();
    }
}
