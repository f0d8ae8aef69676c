package dev.allframe.test.internal;

import dev.allframe.command.CommandHandler;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs before each {@code @CommandHandler} method: by then AllFrame has read the command's stream and not yet
 * appended, so events appended here meet the command as another writer's would ({@link Interference}).
 */
@Interceptor
@ConcurrentAppends
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ConcurrentAppendInterceptor {

    @AroundInvoke
    Object beforeHandler(InvocationContext invocation) throws Exception {
        if (invocation.getMethod().isAnnotationPresent(CommandHandler.class)) {
            Interference.beforeHandler();
        }
        return invocation.proceed();
    }
}
