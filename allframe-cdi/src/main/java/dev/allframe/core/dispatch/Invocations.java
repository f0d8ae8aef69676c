package dev.allframe.core.dispatch;

import dev.allframe.AllFrameException;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.core.message.CommandMessages;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/** Binds handler methods to their targets and turns their failures into AllFrame exceptions. */
final class Invocations {

    private static final java.lang.invoke.MethodHandles.Lookup LOOKUP = java.lang.invoke.MethodHandles.lookup();

    private Invocations() {
    }

    /** A handle taking the method's parameters as {@code Object}s and returning {@code Object}. */
    static MethodHandle bind(Method method, Object target) {
        try {
            method.setAccessible(true);
            MethodHandle handle = LOOKUP.unreflect(method).bindTo(target);
            return handle.asType(MethodType.genericMethodType(method.getParameterCount()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + method, e);
        }
    }

    /** AllFrame's own exceptions and errors pass; anything else becomes a {@link HandlerFailedException}. */
    static RuntimeException failure(Throwable thrown, String site, Object message, String streamId) {
        if (thrown instanceof AllFrameException e) {
            return e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return new HandlerFailedException(CommandMessages.handlerFailed(site, message, streamId, thrown), thrown);
    }
}
