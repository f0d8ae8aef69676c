package dev.allframe.sample.bank.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is missing, malformed or of the wrong shape: 400 Bad Request; one cut off at the size limit: 413. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return answer(e);
    }

    /** The answer to a body that could not be read: {@code unreadable} carries the cause. */
    static Response answer(Throwable unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException) {
                return BodyTooLargeMapper.answer();
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.unreadableBody(unreadable.getMessage())).build();
    }
}
