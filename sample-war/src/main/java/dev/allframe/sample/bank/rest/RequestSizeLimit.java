package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds every request body to {@value #LIMIT} bytes, so that no client can keep a thread busy parsing a huge
 * number or string: a declared length over the limit is refused before anything is read, and a body sent without
 * one (chunked) is cut off when it passes the limit. Both answer 413 with {@code BANK006}.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final int LIMIT = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            request.abortWith(BodyTooLargeMapper.answer());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
    }

    /** Thrown when a body read passes the limit. */
    static final class BodyTooLargeException extends WebApplicationException {

        BodyTooLargeException() {
            super(ErrorResponse.bodyTooLarge(LIMIT).message(), BodyTooLargeMapper.answer());
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > LIMIT) {
                throw new BodyTooLargeException();
            }
        }
    }
}
