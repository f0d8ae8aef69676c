package dev.allframe.sample.bank.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body the REST runtime could not read, as runtimes that wrap JSON-B's exception report it (WildFly's): answered as
 * {@link UnreadableBodyMapper} answers JSON-B's own. Any other processing failure is a 500.
 */
@Provider
public class UnreadableBodyFailureMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof RequestSizeLimit.BodyTooLargeException) {
                return UnreadableBodyMapper.answer(cause);
            }
        }
        return Response.serverError().build();
    }
}
