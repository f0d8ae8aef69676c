package dev.allframe.core.handler;

import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import dev.allframe.core.message.CommandMessages;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Reads the stream id from a command through the {@code @StreamId} member found at deployment.
 *
 * @param member the member's name as it appears in violation paths
 * @param getter {@code (Object)Object}
 */
public record StreamIdAccessor(Class<?> commandType, String member, MethodHandle getter) {

    /**
     * The stream id of {@code command}.
     *
     * @throws CommandValidationException the member is {@code null}
     */
    public String streamIdOf(Object command) {
        Object value;
        try {
            value = getter.invokeExact(command);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (value == null) {
            throw new CommandValidationException(commandType.getName(),
                    List.of(new Violation(member, CommandMessages.streamIdMissing().toString())));
        }
        return value instanceof String s ? s : String.valueOf(value);
    }
}
