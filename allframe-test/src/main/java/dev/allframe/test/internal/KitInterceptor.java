package dev.allframe.test.internal;

import dev.allframe.command.CommandHandler;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Where the kit steps in: before each {@code @CommandHandler} method, when AllFrame has read the command's stream
 * and not yet appended, so that events appended there meet the command as another writer's would
 * ({@link Interference}), noting the command ({@link HandledCommands}); and around each saga step's
 * {@code execute}, for the steps a test made fail or hang ({@link StepDoubles}).
 */
@Interceptor
@Observed
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class KitInterceptor {

    private final StepDoubles steps;
    private final HandledCommands commands;

    @Inject
    public KitInterceptor(StepDoubles steps, HandledCommands commands) {
        this.steps = steps;
        this.commands = commands;
    }

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (method.isAnnotationPresent(CommandHandler.class)) {
            commands.add(invocation.getParameters()[0]);
            Interference.beforeHandler();
        } else if (isExecute(method)) {
            return steps.execute(method.getDeclaringClass(), invocation::proceed);
        }
        return invocation.proceed();
    }

    private static boolean isExecute(Method method) {
        return method.getName().equals("execute") && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == SagaContext.class
                && method.getDeclaringClass().isAnnotationPresent(SagaStep.class);
    }
}
